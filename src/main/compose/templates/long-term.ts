import { MET, type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// Months after a cycle ended without a reply: one gentle hello, with no reference to the
// silence beyond "no need to reply to that one", and an easy way out.
export const longTerm: PurposeWordings = {
  email: [
    {
      name: 'Gentle',
      subject: 'Hello again, {{first_name}}',
      body: `Hi {{first_name}},

It's been a while since I last wrote{{#last_sent_on}} {{last_sent_on}}{{/last_sent_on}}, and there's no need to reply to that one. I wanted to see how you're doing{{#company}} and how things are at {{company}}{{/company}}.

{{#interests}}If {{interests}} is still on your mind, I'd be glad to swap notes. {{/interests}}And if the timing is better now, I'd be happy to pick up our conversation{{#discussed}} about {{discussed}}{{/discussed}}.

Best,
${SIGNED}`,
    },
    {
      name: 'Catch-up',
      subject: 'Time for a catch-up?',
      body: `Hi {{first_name}},

A few months have passed since we were last in touch, and I didn't want the connection to fade. {{#discussed}}I still remember our conversation about {{discussed}}.{{/discussed}}

What are you working on these days? {{#time_1}}I'm free on ${TIMES} if a short call would be useful.{{/time_1}}{{^time_1}}A short call would be good whenever you have time.{{/time_1}}

Kind regards,
${SIGNED}`,
    },
    {
      name: 'No agenda',
      subject: '{{first_name}}, how have you been?',
      body: `Dear {{first_name}},

I'm writing with no agenda, only to ask how you've been{{#met_where}} since we met at {{met_where}}{{/met_where}}. {{#interests}}I'd love to hear how {{interests}} is going.{{/interests}}

If the moment is right to reconnect, I'm here; if not, I wish you all the best.

Warm regards,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Gentle',
      body: `Hi {{first_name}}, it's been a few months, so I wanted to say hello. {{#interests}}How is {{interests}} going?{{/interests}}{{^interests}}What are you working on these days?{{/interests}} No need for a long reply.`,
    },
    {
      name: 'Reminded',
      body: `{{first_name}}, hello again! {{#discussed}}I was thinking of our conversation about {{discussed}}.{{/discussed}} It would be good to hear your news.`,
    },
    {
      name: 'No agenda',
      body: `Hi {{first_name}}, a gentle hello after some time. {{#company}}How are things at {{company}}?{{/company}}{{^company}}How are things with you?{{/company}} Happy to reconnect whenever it suits you.`,
    },
  ],
  text: [
    {
      name: 'Gentle',
      body: `Hi {{first_name}}, it's been a while! How are you? {{#interests}}How's {{interests}} going?{{/interests}}
{{my_name}}`,
    },
    {
      name: 'News',
      body: `{{first_name}}, hello after a few months! Any news{{#company}} at {{company}}{{/company}}? It would be good to catch up sometime.
{{my_name}}`,
    },
    {
      name: 'Thinking of you',
      body: `Hi {{first_name}}, I was thinking of our chat${MET}. How have you been?
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Gentle',
      body: `Call {{first_name}}: a gentle reconnect
- No pressure: your last message went unanswered{{#last_sent_ago}} ({{last_sent_ago}}){{/last_sent_ago}}, and that's fine
- Ask how they've been
{{#interests}}- Their interests: {{interests}}{{/interests}}
{{#discussed}}- What you once discussed: {{discussed}}{{/discussed}}`,
    },
    {
      name: "What's new",
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Say hello and ask what's new
{{#met_where}}- You met at {{met_where}}{{#met_when}} {{met_when}}{{/met_when}}{{/met_where}}
- See whether the timing is better now`,
    },
    {
      name: 'Light',
      body: `Call {{first_name}}: long-term check-in
- Keep it light and short
{{#discussed}}- Thread to pick up: {{discussed}}{{/discussed}}
- Offer help with anything they're working on`,
    },
  ],
  handwritten_note: [
    {
      name: 'Gentle',
      body: `Dear {{first_name}},

It's been some time since we were in touch, and I wanted to send a few lines to say hello. {{#interests}}I hope {{interests}} is going well.{{/interests}}

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Fond',
      body: `{{first_name}},

A note to say I still think fondly of our conversation{{#met_where}} at {{met_where}}{{/met_where}}. I hope life is treating you well.

Best wishes,
{{my_name}}`,
    },
    {
      name: 'No agenda',
      body: `Dear {{first_name}},

No agenda, only a hello after a few months. {{#company}}I hope all is well at {{company}}.{{/company}} If you ever want to catch up, I'd be glad to.

All the best,
{{my_name}}`,
    },
  ],
};
