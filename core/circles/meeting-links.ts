/**
 * Teams meeting join links a facilitator may give a circle. Teams has issued three shapes: the classic
 * `/l/meetup-join/…` link, and since January 2026 `/meet/<id>?p=<passcode>`; both on `teams.microsoft.com` or
 * on the `teams.cloud.microsoft` domain that is rolling in. Anything else (another host, http, a user name or
 * port in the address) is refused, so a circle never points people somewhere unexpected.
 */

/** The hosts Teams join links are served from. */
export const TEAMS_MEETING_HOSTS = ['teams.microsoft.com', 'teams.cloud.microsoft'] as const;

/** What a facilitator is told when a link is refused. */
export const MEETING_LINK_RULE =
  'meetingUrl must be a Teams meeting link: a join link (https://teams.microsoft.com/meet/<id>?p=<passcode>, https://teams.microsoft.com/l/meetup-join/…, or the same on teams.cloud.microsoft)';

/** Whether a text is a Teams meeting join link this service accepts. */
export function isTeamsJoinLink(text: string): boolean {
  if (text.length > 2048 || /\s/.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return false;
  if (!(TEAMS_MEETING_HOSTS as readonly string[]).includes(url.hostname)) return false;
  if (/^\/l\/meetup-join\/[^/]+(\/[^/]+)*\/?$/.test(url.pathname)) return true;
  const meet = /^\/meet\/([A-Za-z0-9]+)\/?$/.exec(url.pathname);
  return meet !== null && /^[A-Za-z0-9]+$/.test(url.searchParams.get('p') ?? '');
}
