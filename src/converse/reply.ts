/** What a private-chat command answers: the conversation enqueues each part as one message. */
export type ReplyPart = { kind: 'text'; text: string } | { kind: 'image'; base64: string; name: string };

/** 'refused': the contact may not see or change what they asked for; the parts then hold no data. */
export interface Reply {
  outcome: 'answered' | 'refused';
  parts: ReplyPart[];
}

export const answer = (...texts: string[]): Reply => ({
  outcome: 'answered',
  parts: texts.map((text) => ({ kind: 'text', text })),
});

export const refuse = (text: string): Reply => ({ outcome: 'refused', parts: [{ kind: 'text', text }] });
