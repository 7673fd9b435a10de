import { type PurposeWordings, SIGNED } from './wording.ts';

// They helped me: thank them for what they did (the step's note), without asking for more.
export const thankYou: PurposeWordings = {
  email: [
    {
      name: 'Warm',
      subject: 'Thank you, {{first_name}}',
      body: `Hi {{first_name}},

Thank you so much{{#step_note}} for {{step_note}}{{/step_note}}. I really appreciate you taking the time.

{{#discussed}}It was also good to talk about {{discussed}}. {{/discussed}}If there's ever anything I can do for you{{#interests}}, especially around {{interests}}{{/interests}}, please ask.

Best,
${SIGNED}`,
    },
    {
      name: 'Brief',
      subject:
        '{{#step_note}}Thanks for {{step_note}}{{/step_note}}{{^step_note}}A quick thank-you{{/step_note}}',
      body: `Hi {{first_name}},

I wanted to say thank you{{#step_note}} for {{step_note}}{{/step_note}}. It was generous of you. {{#promise_mine}}And I haven't forgotten my promise: {{promise_mine}}.{{/promise_mine}}

I'll let you know how things turn out.

With thanks,
${SIGNED}`,
    },
    {
      name: 'Formal',
      subject: 'Thank you for your help',
      body: `Dear {{first_name}},

{{#step_note}}Thank you for {{step_note}}: it was generous of you to give your time.{{/step_note}}{{^step_note}}Thank you for your help: it was generous of you to give your time.{{/step_note}} {{#company}}I hope things are going well at {{company}}.{{/company}}

If I can ever return the favour, I'd be glad to.

Warm regards,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, thank you{{#step_note}} for {{step_note}}{{/step_note}}. I really appreciate it. If I can ever return the favour, let me know.`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, a quick thank-you{{#step_note}} for {{step_note}}{{/step_note}}. It was generous of you, and I'll let you know how it goes.`,
    },
    {
      name: 'Returning',
      body: `Hi {{first_name}}, I wanted to thank you properly{{#step_note}} for {{step_note}}{{/step_note}}. {{#interests}}If I come across anything useful on {{interests}}, I'll send it your way.{{/interests}}`,
    },
  ],
  text: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, thank you{{#step_note}} for {{step_note}}{{/step_note}}! Really appreciate it.
{{my_name}}`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, thanks so much{{#step_note}} for {{step_note}}{{/step_note}}. I owe you one!
{{my_name}}`,
    },
    {
      name: 'Update',
      body: `Hi {{first_name}}, a big thank-you{{#step_note}} for {{step_note}}{{/step_note}}. I'll let you know how it turns out.
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Thank-you call',
      body: `Call {{first_name}} to say thank you
{{#step_note}}- What they did: {{step_note}}{{/step_note}}{{^step_note}}- Thank them for their help{{/step_note}}
- Say what it meant to you, in a sentence
- Ask if there's anything you can do for them`,
    },
    {
      name: 'With news',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}: thank-you
- Open with thanks{{#step_note}} for {{step_note}}{{/step_note}}
- Tell them how it has turned out so far
{{#interests}}- Offer help with something they care about: {{interests}}{{/interests}}`,
    },
    {
      name: 'Two minutes',
      body: `Call {{first_name}}: a short thank-you call
- Keep it to two minutes
- Thank them{{#step_note}} for {{step_note}}{{/step_note}}
{{#promise_mine}}- Mention your promise: {{promise_mine}}{{/promise_mine}}
- Offer to return the favour`,
    },
  ],
  handwritten_note: [
    {
      name: 'Warm',
      body: `Dear {{first_name}},

Thank you{{#step_note}} for {{step_note}}{{/step_note}}. It was kind and generous of you, and I'm grateful.

With thanks,
{{my_name}}`,
    },
    {
      name: 'Handwritten on purpose',
      body: `{{first_name}},

A handwritten thank-you{{#step_note}} for {{step_note}}{{/step_note}}, because an e-mail didn't feel like enough. I hope I can return the favour soon.

Warmly,
{{my_name}}`,
    },
    {
      name: 'Glad we met',
      body: `Dear {{first_name}},

I wanted to thank you properly{{#step_note}} for {{step_note}}{{/step_note}}. {{#met_where}}I'm so glad we met at {{met_where}}.{{/met_where}}

All the best,
{{my_name}}`,
    },
  ],
};
