import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { checkCredentials, clientAddress } from './sign-in';

class RateLimitedSignIn extends CredentialsSignin {
  code = 'rate_limited';
}

/**
 * A right password for an account with two-factor on. Not a session: it carries the signed grant the code
 * step needs (see grants.ts). Server actions receive this very object (lib/auth/session.ts); a request
 * straight to Auth.js's callback gets only the code `second_factor_required` in a redirect, never the grant.
 */
export class SecondFactorRequired extends CredentialsSignin {
  code = 'second_factor_required';
  constructor(readonly grant: string) {
    super();
  }
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
      credentials: { identifier: {}, password: {}, grant: {}, code: {}, renewal: {} },
      async authorize(raw, request) {
        try {
          const outcome = await checkCredentials(raw, clientAddress(request.headers));
          if (outcome && 'secondFactorGrant' in outcome) throw new SecondFactorRequired(outcome.secondFactorGrant);
          // Only the id and version go into the token: no name or email in the cookie.
          return outcome ? { id: outcome.account.id, sessionVersion: outcome.account.sessionVersion } : null;
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
