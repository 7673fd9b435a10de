import { type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// The keep-in-touch rhythm: ask how they are, pick up something you know about them, and offer
// a catch-up without making it an obligation.
export const checkIn: PurposeWordings = {
  email: [
    {
      name: 'Warm',
      subject: 'How are things{{#company}} at {{company}}{{/company}}?',
      body: `Hi {{first_name}},

It's been a while since we last spoke, and I was wondering how you're doing. {{#discussed}}Last time we talked about {{discussed}}; how is that going?{{/discussed}}{{^discussed}}{{#interests}}How is {{interests}} going?{{/interests}}{{/discussed}}

{{#time_1}}If you're up for a catch-up, I'm free on ${TIMES}.{{/time_1}}{{^time_1}}If you're up for a coffee or a call sometime, I'd like that.{{/time_1}}

Best,
${SIGNED}`,
    },
    {
      name: 'Curious',
      subject: '{{first_name}}, how have you been?',
      body: `Hi {{first_name}},

I hope things are going well{{#company}} at {{company}}{{/company}}. {{#interests}}I remembered your interest in {{interests}} and wondered what you're working on these days.{{/interests}}{{^interests}}I'd love to hear what you're working on these days.{{/interests}}

{{#next_step}}We also never got round to this: {{next_step}}. {{/next_step}}{{#time_1}}Would you have time for a short call on ${TIMES}?{{/time_1}}{{^time_1}}Would you have time for a short call this month?{{/time_1}}

All the best,
${SIGNED}`,
    },
    {
      name: 'Reflective',
      subject: "It's been a while",
      body: `Dear {{first_name}},

I was looking back at our conversations{{#discussed}} about {{discussed}}{{/discussed}} and realised it's been some time since we were in touch. What's new with you?

{{#promise_theirs}}No rush, but I'd still love to hear about this when you get a moment: {{promise_theirs}}. {{/promise_theirs}}And if anything comes up where I can help, I'd be glad to.

Kind regards,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, it's been a while! {{#discussed}}How did things go with {{discussed}}?{{/discussed}}{{^discussed}}What are you working on these days?{{/discussed}} It would be good to catch up.`,
    },
    {
      name: 'Curious',
      body: `{{first_name}}, I was thinking of our conversation{{#met_where}} at {{met_where}}{{/met_where}} and wanted to say hello. {{#interests}}Still busy with {{interests}}?{{/interests}} Fancy a catch-up{{#time_1}} on {{time_1}}{{/time_1}}?`,
    },
    {
      name: 'Brief',
      body: `Hi {{first_name}}, how are things{{#company}} at {{company}}{{/company}}? {{#interests}}I'd love to hear what's new with {{interests}}.{{/interests}}{{^interests}}I'd love to hear your news.{{/interests}}`,
    },
  ],
  text: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, it's been a while! How are you doing? {{#discussed}}Any news on {{discussed}}?{{/discussed}}
{{my_name}}`,
    },
    {
      name: 'Coffee',
      body: `{{first_name}}, hope all's well! {{#interests}}How's {{interests}} going?{{/interests}} Up for a coffee or a call soon?
{{my_name}}`,
    },
    {
      name: 'Hello',
      body: `Hi {{first_name}}, a quick hello to see how you are{{#company}} and how things are at {{company}}{{/company}}. {{#time_1}}Free for a call on {{time_1}}?{{/time_1}}
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Keep in touch',
      body: `Call {{first_name}}: keep in touch
- Ask how they are and what's new
{{#discussed}}- Last time you talked about: {{discussed}}{{/discussed}}
{{#interests}}- Their interests: {{interests}}{{/interests}}
{{#next_step}}- Open next step: {{next_step}}{{/next_step}}`,
    },
    {
      name: 'Promises',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Catch up: what are they working on?
{{#promise_theirs}}- Their promise, if it fits: {{promise_theirs}}{{/promise_theirs}}
{{#promise_mine}}- Your promise: {{promise_mine}}{{/promise_mine}}
- Share one piece of news from your side`,
    },
    {
      name: 'Personal',
      body: `Call {{first_name}}: a friendly check-in
- Start with something personal{{#interests}}: {{interests}}{{/interests}}
{{#discussed}}- Follow up on: {{discussed}}{{/discussed}}
- Ask if there's anything you can help with`,
    },
  ],
  handwritten_note: [
    {
      name: 'Warm',
      body: `Dear {{first_name}},

It's been a while, and I wanted to send a note to say hello. {{#discussed}}I often think of our conversation about {{discussed}}.{{/discussed}} I hope all is well with you.

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Short',
      body: `{{first_name}},

A few lines to say I hope you're well{{#company}} and that things are good at {{company}}{{/company}}. {{#interests}}I'd love to hear how {{interests}} is going.{{/interests}}

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Notes',
      body: `Dear {{first_name}},

I came across my notes from {{#met_where}}{{met_where}}{{/met_where}}{{^met_where}}our last conversation{{/met_where}} and thought of you. What's new in your world?

All the best,
{{my_name}}`,
    },
  ],
};
