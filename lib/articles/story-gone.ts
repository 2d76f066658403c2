import { UserFacingError } from '../actions/result';

/** The answer for a story id that does not exist or is in the trash (services, not pages: they 404). */
export function storyGone(): never {
  throw new UserFacingError('稿件不存在或已移入回收站');
}
