import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { authenticate, clientAddress, SignInInput } from './sign-in';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Credentials sign-in requires JWT sessions. They are made revocable by the session version the token
  // carries, which getViewer compares with the user's row on every request.
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  // A failed sign-in is an expected outcome, not an error worth a stack trace (and logs must not fill with
  // them under a guessing attack). Everything else is logged as usual.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(raw, request) {
        const parsed = SignInInput.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const account = await authenticate({ ...parsed.data, address: clientAddress(request.headers) });
          // Only the id and version go into the token: no name or email in the cookie.
          return account ? { id: account.id, sessionVersion: account.sessionVersion } : null;
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited') throw new RateLimitedSignIn();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      session.sessionVersion = token.sessionVersion;
      return session;
    },
  },
});
