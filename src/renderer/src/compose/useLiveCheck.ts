import { useEffect, useRef, useState } from 'react';
import type { CheckResult, ComposeChannel } from '../../../shared/domain/compose.ts';
import { useApi } from '../api/ApiContext.tsx';
import { LOCALE } from '../format/dates.ts';
import type { ComposeTarget } from './ComposerContext.tsx';

export interface CheckedText {
  channel: ComposeChannel;
  subject: string;
  body: string;
}

/** One string per text as checked (plus a nonce, to ask again after the contact changed). */
export function checkKey(text: CheckedText, nonce = 0): string {
  return JSON.stringify([text.channel, text.channel === 'email' ? text.subject : '', text.body, nonce]);
}

/**
 * The personalisation check for the text as it stands, asked on every edit. Latest wins: a new
 * edit cancels the request still in flight (as the contacts search does), and an answer for an
 * older text is dropped (IPC cannot cancel, so its answers still arrive). A loaded draft comes
 * with its own checks (`baseline`), so its text is not asked again. A failed check keeps the last
 * result: it is advice, never a block.
 */
export function useLiveCheck(
  target: ComposeTarget,
  text: CheckedText | null,
  nonce: number,
  baseline: { key: string; result: CheckResult } | null,
): { result: CheckResult | null; checking: boolean } {
  const api = useApi();
  const [answer, setAnswer] = useState<{ key: string; result: CheckResult } | null>(null);
  const [checking, setChecking] = useState(false);
  const flight = useRef<AbortController | null>(null);
  const asked = useRef(0);
  const key = text ? checkKey(text, nonce) : null;
  const targetRef = useRef(target);
  targetRef.current = target;
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    const current = textRef.current;
    if (!current || key === null || key === baseline?.key) return;
    flight.current?.abort();
    const controller = new AbortController();
    flight.current = controller;
    const mine = ++asked.current;
    setChecking(true);
    api['compose.check'](
      {
        ...targetRef.current,
        channel: current.channel,
        subject: current.channel === 'email' ? current.subject : null,
        body: current.body,
        ...(LOCALE ? { locale: LOCALE } : {}),
      },
      { signal: controller.signal },
    )
      .then((result) => {
        if (mine === asked.current) setAnswer({ key, result });
      })
      .catch(() => {
        // Cancelled by the next edit, or refused: the last checklist stays.
      })
      .finally(() => {
        if (mine === asked.current) setChecking(false);
      });
  }, [api, key, baseline?.key]);

  useEffect(() => () => flight.current?.abort(), []);

  // The newest of the two: the draft's own checks for its text, else the last answer.
  const result =
    key !== null && key === baseline?.key ? baseline.result : (answer?.result ?? baseline?.result ?? null);
  return { result, checking };
}
