import { ActionButton } from '@/components/ui/action-button';
import { followAction } from '@/lib/conversations/actions';

/** Follow or stop following a thread, case study or event: one button whose label says what it will do. */
export function FollowButton({
  subjectType,
  subjectId,
  isFollowing,
  followLabel,
  unfollowLabel,
}: {
  subjectType: 'thread' | 'case_study' | 'event';
  subjectId: string;
  isFollowing: boolean;
  followLabel: string;
  unfollowLabel: string;
}) {
  return (
    <ActionButton action={followAction} fields={{ subjectType, subjectId, follow: String(!isFollowing) }} showSuccess>
      {isFollowing ? unfollowLabel : followLabel}
    </ActionButton>
  );
}
