import { MET, type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// What I promised them: deliver it, say so plainly, and offer to fill any gap.
export const promiseMine: PurposeWordings = {
  email: [
    {
      name: 'Here it is',
      subject: 'As promised{{#met_where}} at {{met_where}}{{/met_where}}',
      body: `Hi {{first_name}},

{{#promise_mine}}When we spoke I promised to get back to you about this: {{promise_mine}}. Here it is.{{/promise_mine}}{{^promise_mine}}When we spoke I promised to get back to you, and here it is.{{/promise_mine}}

{{#discussed}}I hope it helps with {{discussed}}. {{/discussed}}If anything is missing or unclear, tell me and I'll sort it out.

Best,
${SIGNED}`,
    },
    {
      name: 'Following through',
      subject: 'Following up on my promise',
      body: `Hi {{first_name}},

When we met${MET}, I said I'd follow up, and I didn't want it to slip. {{#promise_mine}}So, as agreed: {{promise_mine}}.{{/promise_mine}}

{{#time_1}}If it's easier to go through it together, I'm free on ${TIMES}.{{/time_1}}{{^time_1}}Let me know if you'd like to go through it together.{{/time_1}}

Kind regards,
${SIGNED}`,
    },
    {
      name: 'Promise kept',
      subject: 'The follow-up I promised',
      body: `Dear {{first_name}},

A promise is a promise: {{#promise_mine}}{{promise_mine}}{{/promise_mine}}{{^promise_mine}}here is the follow-up I owed you{{/promise_mine}}. I hope it's useful.

{{#next_step}}After that, the next step we agreed on: {{next_step}}. {{/next_step}}Let me know if you need anything else.

All the best,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Here it is',
      body: `Hi {{first_name}}, following through on my promise{{#promise_mine}}: {{promise_mine}}{{/promise_mine}}. Let me know if it's useful or if you need anything else.`,
    },
    {
      name: 'As promised',
      body: `{{first_name}}, as promised when we met${MET}{{#promise_mine}}: {{promise_mine}}{{/promise_mine}}. Happy to talk it through if that helps.`,
    },
    {
      name: 'Not forgotten',
      body: `Hi {{first_name}}, I didn't want to forget what I promised{{#promise_mine}} ({{promise_mine}}){{/promise_mine}}. Here it is; tell me if anything's missing.`,
    },
  ],
  text: [
    {
      name: 'As promised',
      body: `Hi {{first_name}}, as promised{{#promise_mine}}: {{promise_mine}}{{/promise_mine}}. Let me know if you need anything else!
{{my_name}}`,
    },
    {
      name: 'Following through',
      body: `{{first_name}}, following through on my promise{{#promise_mine}} ({{promise_mine}}){{/promise_mine}}. Hope it helps!
{{my_name}}`,
    },
    {
      name: 'Quick one',
      body: `Hi {{first_name}}, a quick one: {{#promise_mine}}{{promise_mine}}, as I promised{{/promise_mine}}{{^promise_mine}}here's what I promised{{/promise_mine}}. Any questions, just ask.
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Deliver',
      body: `Call {{first_name}}: keep your promise
{{#promise_mine}}- Your promise: {{promise_mine}}{{/promise_mine}}{{^promise_mine}}- Deliver what you promised them{{/promise_mine}}
- Check it's what they needed
{{#next_step}}- Then agree on the next step: {{next_step}}{{/next_step}}`,
    },
    {
      name: 'Context',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- "I said I'd get back to you, so here I am"
{{#promise_mine}}- Deliver: {{promise_mine}}{{/promise_mine}}
{{#discussed}}- Context: {{discussed}}{{/discussed}}`,
    },
    {
      name: 'Follow through',
      body: `Call {{first_name}}: follow through
- Thank them for their patience
{{#promise_mine}}- Promised: {{promise_mine}}{{/promise_mine}}
- Ask if there's anything else they need`,
    },
  ],
  handwritten_note: [
    {
      name: 'As promised',
      body: `Dear {{first_name}},

As promised{{#promise_mine}}: {{promise_mine}}{{/promise_mine}}. I hope it's useful, and thank you for the conversation${MET}.

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Here it is',
      body: `{{first_name}},

I said I would, so here it is{{#promise_mine}}: {{promise_mine}}{{/promise_mine}}. Let me know how it goes.

Warmly,
{{my_name}}`,
    },
    {
      name: 'With a note',
      body: `Dear {{first_name}},

A note to go with what I promised you{{#promise_mine}} ({{promise_mine}}){{/promise_mine}}. {{#discussed}}I hope it helps with {{discussed}}.{{/discussed}}

All the best,
{{my_name}}`,
    },
  ],
};
