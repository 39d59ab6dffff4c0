/** More mentions than this in one comment are not notified: a thread is not a mailing list. */
export const MAX_MENTIONS = 20;

/**
 * `@` and an e-mail address, not inside a word or an address (`me@focal@hn.test` mentions
 * no one); the address ends at its top-level domain, so a full stop after it is not part
 * of it.
 */
const MENTION = /(?<![\w@.+-])@([\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?![\w-]*@)/giu;

/**
 * The e-mail addresses a comment mentions (`@focal@hn.test`), lower case, each once, in
 * the order they first appear, at most MAX_MENTIONS.
 */
export function mentionedEmails(body: string): string[] {
  const emails = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    emails.add(match[1].toLowerCase());
    if (emails.size >= MAX_MENTIONS) break;
  }
  return [...emails];
}

/** Those mentioned in `body` who were not already mentioned in `before` (an edit's). */
export function newlyMentioned(body: string, before: string): string[] {
  const already = new Set(mentionedEmails(before));
  return mentionedEmails(body).filter((email) => !already.has(email));
}
