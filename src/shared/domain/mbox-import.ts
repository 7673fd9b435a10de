import { z } from 'zod';

/**
 * An mbox file read for the timeline (issue 12, "History from a file"). Only the command line
 * names a file by its path (see mail.importMbox): a window would have to send the bytes of a file
 * of several GB.
 */
export const MboxImportInput = z.object({
  path: z.string().min(1, 'must name a file').max(4096, 'must be at most 4096 characters'),
  /**
   * My own addresses in this file, besides those of the mail accounts: what I sent is told from
   * what I received by them (a Takeout file may be imported before any account is added).
   */
  me: z
    .array(z.email({ message: 'must be an e-mail address' }).max(320))
    .max(50)
    .default([]),
});
export type MboxImportInput = z.output<typeof MboxImportInput>;

/** Something wrong in the file, said where it is, so the user can open the file there. */
export interface MboxProblem {
  /** The message's number in the file, from 1; null for the file as a whole. */
  message: number | null;
  /** 1-based line of the file. */
  line: number;
  /** Byte offset of that line in the file. */
  offset: number;
  text: string;
}

export interface MboxImportResult {
  fileName: string;
  bytes: number;
  /** Messages read and handed on, with nulls where a header was missing or unreadable. */
  messages: number;
  /** Separators with no message behind them (no header at all). */
  skipped: number;
  withoutDate: number;
  withoutMessageId: number;
  /** The first problems; `problemsNotListed` counts the rest. */
  problems: MboxProblem[];
  problemsNotListed: number;
  /** Messages not recorded before (by Message-ID, from any file or mailbox). */
  newMessages: number;
  duplicates: number;
  /** New messages from or to a contact, and the timeline entries they made. */
  matched: number;
  interactions: number;
  /** What the follow-up engine did with them, as after a sync. */
  replies: number;
  stepsCompleted: number;
  nudgesCancelled: number;
}
