import { type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// A week after a message with no answer: say the first one went unanswered, ask whether the
// interest still stands, and make "no" an easy answer. The cycle ends after this one.
export const second: PurposeWordings = {
  email: [
    {
      name: 'Warm',
      subject:
        '{{#discussed}}Following up: {{discussed}}{{/discussed}}{{^discussed}}Following up on my last message{{/discussed}}',
      body: `Hi {{first_name}},

I wrote to you {{#last_sent_ago}}{{last_sent_ago}}{{/last_sent_ago}}{{^last_sent_ago}}recently{{/last_sent_ago}}{{#discussed}} about {{discussed}}{{/discussed}} and haven't heard back. No problem at all; I know how quickly messages pile up.

{{#next_step}}Would you still like to go ahead with the next step we talked about ({{next_step}})?{{/next_step}}{{^next_step}}Are you still interested in continuing our conversation?{{/next_step}} {{#time_1}}If so, ${TIMES} would work for me.{{/time_1}}

I look forward to hearing from you.

Best,
${SIGNED}`,
    },
    {
      name: 'Brief',
      subject: 'A second note{{#met_where}} after {{met_where}}{{/met_where}}',
      body: `Hi {{first_name}},

My message {{last_sent_on}} may have got lost, so I'm writing once more. {{#discussed}}I'd still like to pick up where we left off on {{discussed}}.{{/discussed}}{{^discussed}}I'd still like to pick up where we left off{{#met_where}} at {{met_where}}{{/met_where}}.{{/discussed}} Is that still of interest to you?

{{#time_1}}If it is, how about ${TIMES}?{{/time_1}}{{^time_1}}If it is, tell me what time suits you.{{/time_1}} And if now isn't a good time, that's fine too.

Kind regards,
${SIGNED}`,
    },
    {
      name: 'Direct',
      subject: 'Still up for talking{{#discussed}} about {{discussed}}{{/discussed}}?',
      body: `Hello {{first_name}},

I'm following up on my previous message{{#last_sent_ago}}, sent {{last_sent_ago}}{{/last_sent_ago}}. I haven't heard back, so I'd like to ask whether you're still interested{{#discussed}} in talking about {{discussed}}{{/discussed}}{{^discussed}} in continuing our conversation{{/discussed}}.

{{#time_1}}If you are, I could do ${TIMES}.{{/time_1}} Either way, a one-line reply is plenty.

All the best,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, following up on my message {{last_sent_on}}. {{#discussed}}Are you still keen to talk about {{discussed}}?{{/discussed}}{{^discussed}}Would you still like to continue our conversation?{{/discussed}} No worries either way.`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, I wrote {{#last_sent_ago}}{{last_sent_ago}}{{/last_sent_ago}}{{^last_sent_ago}}recently{{/last_sent_ago}} and haven't heard back, so one more note from me. Is talking about {{#discussed}}{{discussed}}{{/discussed}}{{^discussed}}our ideas{{/discussed}} still of interest? No worries if not.`,
    },
    {
      name: 'Direct',
      body: `Hi {{first_name}}, I didn't hear back after my last message, so I wanted to ask once more: would you still like to continue our conversation{{#discussed}} about {{discussed}}{{/discussed}}? {{#time_1}}I'm free on {{time_1}}.{{/time_1}} Happy either way.`,
    },
  ],
  text: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, following up on my message {{last_sent_on}}. {{#discussed}}Still up for talking about {{discussed}}?{{/discussed}}{{^discussed}}Still up for a chat?{{/discussed}} No worries if not.
{{my_name}}`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, I wrote {{last_sent_ago}} and didn't hear back. Are you still interested in {{#discussed}}talking about {{discussed}}{{/discussed}}{{^discussed}}meeting up{{/discussed}}? {{#time_1}}I could do {{time_1}}.{{/time_1}}
{{my_name}}`,
    },
    {
      name: 'Direct',
      body: `Hi {{first_name}}, one more note from me after my last message. Would you still like to {{#time_1}}talk on {{time_1}}{{/time_1}}{{^time_1}}find a time to talk{{/time_1}}? A quick yes or no is perfect.
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Ask plainly',
      body: `Call {{first_name}}: follow-up on your unanswered message{{#last_sent_ago}} ({{last_sent_ago}}){{/last_sent_ago}}
- Mention you wrote {{#last_sent_on}}{{last_sent_on}}{{/last_sent_on}}{{^last_sent_on}}recently{{/last_sent_on}} and didn't hear back
{{#discussed}}- Remind them of the topic: {{discussed}}{{/discussed}}
- Ask whether they're still interested
{{#time_1}}- If yes, offer ${TIMES}{{/time_1}}
- If not, thank them and leave it there`,
    },
    {
      name: 'Next step',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Say you're following up on your message {{last_sent_on}}
{{#next_step}}- Ask if the next step still stands: {{next_step}}{{/next_step}}{{^next_step}}- Ask if they'd still like to continue the conversation{{/next_step}}
{{#discussed}}- Topic: {{discussed}}{{/discussed}}
{{#time_1}}- Times to offer: ${TIMES}{{/time_1}}`,
    },
    {
      name: 'Second try',
      body: `Call {{first_name}}: second try after no reply
- Keep it short and friendly, with no pressure
{{#met_where}}- Remind them you met at {{met_where}}{{/met_where}}
{{#discussed}}- The topic was: {{discussed}}{{/discussed}}
- Ask plainly whether they're still interested
{{#time_1}}- Offer ${TIMES}{{/time_1}}`,
    },
  ],
  handwritten_note: [
    {
      name: 'Warm',
      body: `Dear {{first_name}},

I wrote to you {{#last_sent_ago}}{{last_sent_ago}}{{/last_sent_ago}}{{^last_sent_ago}}recently{{/last_sent_ago}} and thought a note might reach you better. {{#discussed}}I'd still like to continue our conversation about {{discussed}}.{{/discussed}}{{^discussed}}I'd still like to continue our conversation.{{/discussed}} If you would too, I'd be glad to hear from you.

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Short',
      body: `{{first_name}},

A short note in case my message {{last_sent_on}} went astray. {{#met_where}}I enjoyed meeting you at {{met_where}}.{{/met_where}} Is our conversation{{#discussed}} about {{discussed}}{{/discussed}} still of interest to you?

Kind regards,
{{my_name}}`,
    },
    {
      name: 'No pressure',
      body: `Dear {{first_name}},

I haven't heard back since my last message, and I didn't want it to get lost. If you're still interested{{#discussed}} in talking about {{discussed}}{{/discussed}}, I'd love to pick it up again. If not, no hard feelings at all.

Warmly,
{{my_name}}`,
    },
  ],
};
