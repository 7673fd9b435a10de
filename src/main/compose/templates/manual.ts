import { MET, type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// Scheduled by hand. The step's note is the user's reminder to themselves, so these draw on
// what is known about the person instead.
export const manual: PurposeWordings = {
  email: [
    {
      name: 'Pick up',
      subject:
        '{{#discussed}}About {{discussed}}{{/discussed}}{{^discussed}}Hello, {{first_name}}{{/discussed}}',
      body: `Hi {{first_name}},

I've been meaning to write. {{#discussed}}I was thinking about our conversation on {{discussed}} and wanted to pick it up again.{{/discussed}}{{^discussed}}{{#interests}}I was thinking about your interest in {{interests}} and wanted to say hello.{{/interests}}{{^interests}}How are things with you?{{/interests}}{{/discussed}}

{{#next_step}}We had agreed on a next step: {{next_step}}. Does that still suit you? {{/next_step}}{{#time_1}}I'm free on ${TIMES} if a call helps.{{/time_1}}

Best,
${SIGNED}`,
    },
    {
      name: 'Follow up',
      subject: 'Following up{{#met_where}} from {{met_where}}{{/met_where}}',
      body: `Hi {{first_name}},

A quick note to follow up{{#met_where}} on our conversation at {{met_where}}{{/met_where}}. {{#discussed}}I'd like to hear where things stand with {{discussed}}.{{/discussed}}{{^discussed}}I'd like to hear how things are going on your side.{{/discussed}}

{{#promise_mine}}I also haven't forgotten my promise: {{promise_mine}}. {{/promise_mine}}Would you have time for a short call{{#time_1}} on ${TIMES}{{/time_1}}?

Kind regards,
${SIGNED}`,
    },
    {
      name: 'Catch up',
      subject: 'Catching up',
      body: `Dear {{first_name}},

I'm writing to pick up our conversation{{#discussed}} about {{discussed}}{{/discussed}}{{#company}} and to hear how things are at {{company}}{{/company}}. {{#interests}}And I'd love to hear what's new with {{interests}}.{{/interests}}

What would be a good time to talk?

All the best,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Pick up',
      body: `Hi {{first_name}}, I wanted to pick up our conversation{{#discussed}} about {{discussed}}{{/discussed}}. How are things on your side?`,
    },
    {
      name: 'Next step',
      body: `{{first_name}}, hope all is well! {{#next_step}}Are we still on for this: {{next_step}}?{{/next_step}}{{^next_step}}What are you working on these days?{{/next_step}}`,
    },
    {
      name: 'Hello',
      body: `Hi {{first_name}}, a quick hello{{#met_where}} since {{met_where}}{{/met_where}}. {{#interests}}How is {{interests}} going?{{/interests}}{{^interests}}It would be good to catch up.{{/interests}}`,
    },
  ],
  text: [
    {
      name: 'News',
      body: `Hi {{first_name}}, how are things? {{#discussed}}Any news on {{discussed}}?{{/discussed}}
{{my_name}}`,
    },
    {
      name: 'Next step',
      body: `{{first_name}}, hope you're well! {{#next_step}}Still on for this: {{next_step}}?{{/next_step}}{{^next_step}}Up for a catch-up soon?{{/next_step}}
{{my_name}}`,
    },
    {
      name: 'Call',
      body: `Hi {{first_name}}, a quick hello! {{#time_1}}Free for a call on {{time_1}}?{{/time_1}}{{^time_1}}Free for a call sometime this week?{{/time_1}}
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Pick up',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Say hello and ask how they are
{{#discussed}}- Pick up: {{discussed}}{{/discussed}}
{{#next_step}}- Next step: {{next_step}}{{/next_step}}`,
    },
    {
      name: 'Promises',
      body: `Call {{first_name}}
- Why you're calling, in one sentence
{{#interests}}- Their interests: {{interests}}{{/interests}}
{{#promise_mine}}- Your promise: {{promise_mine}}{{/promise_mine}}
{{#promise_theirs}}- Their promise: {{promise_theirs}}{{/promise_theirs}}`,
    },
    {
      name: 'Catch up',
      body: `Call {{first_name}}: catch up
- Ask what's new
{{#met_where}}- You met at {{met_where}}{{#met_when}} {{met_when}}{{/met_when}}{{/met_where}}
{{#time_1}}- Suggest meeting: ${TIMES}{{/time_1}}`,
    },
  ],
  handwritten_note: [
    {
      name: 'Hello',
      body: `Dear {{first_name}},

A few lines to say hello and that I've been thinking of our conversation{{#discussed}} about {{discussed}}{{/discussed}}. I hope all is well.

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Glad we met',
      body: `{{first_name}},

It was good to meet you${MET}, and I wanted to say hello. {{#interests}}Good luck with {{interests}}.{{/interests}}

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Next time',
      body: `Dear {{first_name}},

Thinking of you{{#company}} and everyone at {{company}}{{/company}}. {{#next_step}}I'm looking forward to our next step: {{next_step}}.{{/next_step}}{{^next_step}}I'd love to catch up soon.{{/next_step}}

All the best,
{{my_name}}`,
    },
  ],
};
