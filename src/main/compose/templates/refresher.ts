import { MET, type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// Within a day of meeting: thank them, name one thing you talked about, and propose the next
// step with a concrete time.
export const refresher: PurposeWordings = {
  email: [
    {
      name: 'Warm',
      subject: 'Good to meet you{{#met_where}} at {{met_where}}{{/met_where}}',
      body: `Hi {{first_name}},

Thank you for taking the time to talk${MET}. {{#discussed}}I enjoyed hearing your thoughts on {{discussed}}.{{/discussed}}{{^discussed}}{{#interests}}It was good to hear about your interest in {{interests}}.{{/interests}}{{/discussed}}

{{#next_step}}We agreed on a next step: {{next_step}}. {{/next_step}}{{#promise_mine}}I haven't forgotten my promise: {{promise_mine}}. {{/promise_mine}}{{#time_1}}Would you have time for a short call on ${TIMES}?{{/time_1}}{{^time_1}}Would you have time for a short call in the next week or two?{{/time_1}}

Best,
${SIGNED}`,
    },
    {
      name: 'Brief',
      subject:
        '{{#discussed}}Our conversation about {{discussed}}{{/discussed}}{{^discussed}}Thank you for your time{{/discussed}}',
      body: `Hi {{first_name}},

It was a pleasure meeting you${MET}, and thank you for your time. {{#discussed}}What you said about {{discussed}} has stayed with me.{{/discussed}}

I'd like to continue the conversation. {{#time_1}}Are you free on ${TIMES}?{{/time_1}}{{^time_1}}What day would suit you in the coming weeks?{{/time_1}}{{#next_step}} We could settle the next step then: {{next_step}}.{{/next_step}}

Kind regards,
${SIGNED}`,
    },
    {
      name: 'Direct',
      subject: 'Following up on our chat{{#met_where}} at {{met_where}}{{/met_where}}',
      body: `Hello {{first_name}},

Thanks again for the conversation${MET}. {{#discussed}}Our talk about {{discussed}} gave me a lot to think about.{{/discussed}}{{^discussed}}{{#company}}I'd like to hear more about your work at {{company}}.{{/company}}{{/discussed}}

{{#next_step}}To keep things moving: {{next_step}}. {{/next_step}}{{#time_1}}I could do ${TIMES}, whichever suits you better.{{/time_1}}{{^time_1}}Tell me a day and time that suits you, and I'll make it work.{{/time_1}}

All the best,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, thank you for the conversation${MET}. {{#discussed}}I enjoyed talking about {{discussed}}.{{/discussed}} {{#time_1}}Would a short call on {{time_1}} work for you?{{/time_1}}{{^time_1}}Would you be up for a short call soon?{{/time_1}}`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, great to meet you${MET}. {{#discussed}}Thanks for sharing your take on {{discussed}}.{{/discussed}}{{^discussed}}Thanks for your time.{{/discussed}} I'd be glad to stay in touch{{#time_1}} and to continue the conversation on {{time_1}}, if that suits you{{/time_1}}.`,
    },
    {
      name: 'Direct',
      body: `Hi {{first_name}}, thanks for taking the time to talk${MET}. {{#next_step}}Next step as agreed: {{next_step}}.{{/next_step}}{{^next_step}}{{#discussed}}I'd like to hear more about {{discussed}}.{{/discussed}}{{/next_step}} {{#time_1}}Are you free on {{time_1}}?{{/time_1}}{{^time_1}}When would suit you for a quick call?{{/time_1}}`,
    },
  ],
  text: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, thanks for the chat${MET}! {{#discussed}}I enjoyed talking about {{discussed}}.{{/discussed}} {{#time_1}}Free for a quick call on {{time_1}}?{{/time_1}}{{^time_1}}Up for a quick call this week or next?{{/time_1}}
{{my_name}}`,
    },
    {
      name: 'Brief',
      body: `Hi {{first_name}}, great meeting you${MET}, and thanks for your time. {{#discussed}}Still thinking about {{discussed}}.{{/discussed}} {{#time_1}}Could we talk on {{time_1}}?{{/time_1}}{{^time_1}}Could we talk again soon?{{/time_1}}
{{my_name}}`,
    },
    {
      name: 'Direct',
      body: `{{first_name}}, thank you for your time${MET}. {{#next_step}}As agreed: {{next_step}}.{{/next_step}} {{#time_1}}Does {{time_1}} work for a call?{{/time_1}}{{^time_1}}When suits you for a call?{{/time_1}}
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Thank and propose',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Thank them for the conversation${MET}
{{#discussed}}- Pick up on what you discussed: {{discussed}}{{/discussed}}
{{#interests}}- Ask how it's going with {{interests}}{{/interests}}
{{#next_step}}- Agree on the next step: {{next_step}}{{/next_step}}
{{#time_1}}- Offer ${TIMES}{{/time_1}}
{{#promise_mine}}- Your promise: {{promise_mine}}{{/promise_mine}}`,
    },
    {
      name: 'Short thank-you',
      body: `Call {{first_name}}: a quick thank-you{{#met_where}} after {{met_where}}{{/met_where}}
- Say thanks for their time${MET}
{{#discussed}}- Mention one thing from the conversation: {{discussed}}{{/discussed}}
{{#promise_theirs}}- They offered: {{promise_theirs}}{{/promise_theirs}}
{{#time_1}}- Suggest meeting again: ${TIMES}{{/time_1}}{{^time_1}}- Suggest a day to meet again{{/time_1}}
- No answer? Leave a short voicemail and follow with a message`,
    },
    {
      name: 'Goal first',
      body: `Call {{first_name}}{{#company}} at {{company}}{{/company}}
- Open: "Thanks again for the chat${MET}"
{{#discussed}}- Topic: {{discussed}}{{/discussed}}
{{#next_step}}- Goal of the call: {{next_step}}{{/next_step}}{{^next_step}}- Goal of the call: agree on a next step{{/next_step}}
{{#time_1}}- If a meeting makes sense: ${TIMES}{{/time_1}}`,
    },
  ],
  handwritten_note: [
    {
      name: 'Warm',
      body: `Dear {{first_name}},

Thank you for the conversation${MET}. {{#discussed}}I enjoyed hearing about {{discussed}}.{{/discussed}}{{^discussed}}I enjoyed meeting you.{{/discussed}} I hope we can continue it soon.

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Short',
      body: `{{first_name}},

A short note to say it was a real pleasure meeting you${MET}. {{#discussed}}I'm glad we got to talk about {{discussed}}.{{/discussed}} I'll be in touch soon.

With best wishes,
{{my_name}}`,
    },
    {
      name: 'Reflective',
      body: `Dear {{first_name}},

Thank you for your time${MET}. It's not often a conversation stays with me the way ours did{{#discussed}}, especially on {{discussed}}{{/discussed}}.

I look forward to the next one.

All the best,
{{my_name}}`,
    },
  ],
};
