import { type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// What they promised me: a polite nudge the day after, grateful and without pressure.
export const promiseTheirs: PurposeWordings = {
  email: [
    {
      name: 'Gentle nudge',
      subject: 'A gentle nudge{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}',
      body: `Hi {{first_name}},

I hope things are going well. When we spoke{{#met_where}} at {{met_where}}{{/met_where}}, you kindly offered {{#promise_theirs}}this: {{promise_theirs}}{{/promise_theirs}}{{^promise_theirs}}to help{{/promise_theirs}}.

No rush at all; I wanted to mention it in case it slipped through the cracks. If I can make it easier, I'm happy to.

Thanks,
${SIGNED}`,
    },
    {
      name: 'Grateful',
      subject: 'Following up on your kind offer',
      body: `Hi {{first_name}},

Thank you again for offering{{#promise_theirs}} this: {{promise_theirs}}{{/promise_theirs}}{{^promise_theirs}} your help{{/promise_theirs}}. Is it still possible?

If the timing isn't right, no problem at all.

Best,
${SIGNED}`,
    },
    {
      name: 'Formal',
      subject: 'A small reminder, with thanks',
      body: `Dear {{first_name}},

{{#promise_theirs}}A small reminder, with thanks in advance, of what you offered when we spoke: {{promise_theirs}}.{{/promise_theirs}}{{^promise_theirs}}A small reminder, with thanks in advance, of what you offered when we spoke.{{/promise_theirs}} I know how busy things get, so please don't worry if it has to wait.

{{#time_1}}If a quick call would make it easier, I'm free on ${TIMES}.{{/time_1}}

Kind regards,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Gentle nudge',
      body: `Hi {{first_name}}, a gentle nudge about what you offered{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}. No rush at all, and thanks again!`,
    },
    {
      name: 'Still on?',
      body: `{{first_name}}, hope all is well! Is your offer still on{{#promise_theirs}} ({{promise_theirs}}){{/promise_theirs}}? Completely fine if the timing's not right.`,
    },
    {
      name: 'Make it easier',
      body: `Hi {{first_name}}, following up on your kind offer{{#met_where}} at {{met_where}}{{/met_where}}{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}. Let me know if I can make it easier.`,
    },
  ],
  text: [
    {
      name: 'Gentle nudge',
      body: `Hi {{first_name}}, a gentle nudge on your offer{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}. No rush, thank you!
{{my_name}}`,
    },
    {
      name: 'Any luck',
      body: `{{first_name}}, hope you're well! Any luck with {{#promise_theirs}}this: {{promise_theirs}}{{/promise_theirs}}{{^promise_theirs}}what we talked about{{/promise_theirs}}?
{{my_name}}`,
    },
    {
      name: 'Thanks',
      body: `Hi {{first_name}}, a small reminder about your kind offer{{#promise_theirs}} ({{promise_theirs}}){{/promise_theirs}}. Thanks so much!
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Polite nudge',
      body: `Call {{first_name}}: a polite nudge
{{#promise_theirs}}- Their offer: {{promise_theirs}}{{/promise_theirs}}{{^promise_theirs}}- Remind them of what they offered{{/promise_theirs}}
- Thank them for offering; no pressure
- Ask if you can make it easier for them`,
    },
    {
      name: 'Catch up first',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- Catch up first: how are they?
{{#promise_theirs}}- Then mention: {{promise_theirs}}{{/promise_theirs}}
{{#promise_mine}}- Your side: {{promise_mine}}{{/promise_mine}}`,
    },
    {
      name: 'Light',
      body: `Call {{first_name}}: follow up on their promise
- Keep it light
{{#promise_theirs}}- What they said they'd do: {{promise_theirs}}{{/promise_theirs}}
- Offer a simple next step that helps them do it`,
    },
  ],
  handwritten_note: [
    {
      name: 'Grateful',
      body: `Dear {{first_name}},

Thank you again for your kind offer{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}. Whenever you have a moment, I'd be grateful.

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Short',
      body: `{{first_name}},

A short note of thanks for offering to help{{#promise_theirs}} ({{promise_theirs}}){{/promise_theirs}}. No rush at all.

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Looking forward',
      body: `Dear {{first_name}},

I hope you're well. I wanted to thank you for your offer{{#met_where}} at {{met_where}}{{/met_where}}{{#promise_theirs}}: {{promise_theirs}}{{/promise_theirs}}. I'm looking forward to it whenever the time is right.

All the best,
{{my_name}}`,
    },
  ],
};
