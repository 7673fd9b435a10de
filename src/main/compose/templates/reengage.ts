import { MET, type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// Met long ago and never followed up: it is never too late. Say that time has passed, without
// grovelling, and show interest in staying connected.
export const reengage: PurposeWordings = {
  email: [
    {
      name: 'Honest',
      subject:
        "It's been a while since {{#met_where}}{{met_where}}{{/met_where}}{{^met_where}}we met{{/met_where}}",
      body: `Hi {{first_name}},

It's been a while since we met${MET}, and I'm sorry I didn't write sooner. {{#discussed}}I still remember our conversation about {{discussed}}.{{/discussed}}{{^discussed}}I enjoyed our conversation.{{/discussed}}

I'd like to stay in touch. {{#time_1}}Would a short call on ${TIMES} suit you?{{/time_1}}{{^time_1}}Would you be open to a short call in the coming weeks?{{/time_1}}

Best,
${SIGNED}`,
    },
    {
      name: 'Light',
      subject: 'Better late than never{{#met_where}}: {{met_where}}{{/met_where}}',
      body: `Hi {{first_name}},

I meant to write after we met${MET}, and time got away from me. {{#discussed}}Our talk about {{discussed}} has stayed with me, though.{{/discussed}}

{{#interests}}How is {{interests}} going these days? {{/interests}}I'd be glad to hear what you're up to these days{{#time_1}}, perhaps over a call on ${TIMES}{{/time_1}}.

Kind regards,
${SIGNED}`,
    },
    {
      name: 'Picking up',
      subject: 'Picking up where we left off',
      body: `Dear {{first_name}},

A lot of time has passed since we met${MET}, but I didn't want that to be the end of it. {{#discussed}}I'd still like to hear more about {{discussed}}.{{/discussed}}{{^discussed}}{{#company}}I'd still like to hear more about your work at {{company}}.{{/company}}{{/discussed}}

{{#next_step}}We had talked about a next step: {{next_step}}. Is that still of interest? {{/next_step}}{{#time_1}}If you have time for a short call, ${TIMES} would work for me.{{/time_1}}{{^time_1}}Would you have time for a short call soon?{{/time_1}}

All the best,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Honest',
      body: `Hi {{first_name}}, it's been a while since we met${MET}. I should have written sooner! {{#discussed}}I still think about our chat on {{discussed}}.{{/discussed}} It would be great to reconnect.`,
    },
    {
      name: 'Light',
      body: `{{first_name}}, better late than never: it was good to meet you${MET}. {{#interests}}How is {{interests}} going these days?{{/interests}}{{^interests}}What are you up to these days?{{/interests}}`,
    },
    {
      name: 'Picking up',
      body: `Hi {{first_name}}, time has flown since we met${MET}. {{#discussed}}I'd love to pick up our conversation about {{discussed}}.{{/discussed}}{{^discussed}}I'd love to pick up our conversation.{{/discussed}} {{#time_1}}Are you free on {{time_1}}?{{/time_1}}`,
    },
  ],
  text: [
    {
      name: 'Honest',
      body: `Hi {{first_name}}, it's been a while since we met${MET}. Sorry I didn't write sooner! {{#discussed}}I'd love to hear how {{discussed}} turned out.{{/discussed}}
{{my_name}}`,
    },
    {
      name: 'Light',
      body: `{{first_name}}, better late than never! Great meeting you${MET}. Up for a coffee or a call{{#time_1}} on {{time_1}}{{/time_1}}?
{{my_name}}`,
    },
    {
      name: 'Long time',
      body: `Hi {{first_name}}, long time no see{{#met_where}} since {{met_where}}{{/met_where}}! {{#interests}}Still into {{interests}}?{{/interests}} It would be good to reconnect.
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'Reconnect',
      body: `Call {{first_name}}: reconnect after a long gap
- Acknowledge the time: you met${MET} and didn't follow up
{{#discussed}}- Remind them what you talked about: {{discussed}}{{/discussed}}
- Ask what they're working on now
{{#time_1}}- Offer a proper catch-up: ${TIMES}{{/time_1}}`,
    },
    {
      name: 'Open warmly',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}
- "It's been a while, and I should have called sooner"
{{#met_where}}- Where you met: {{met_where}}{{#met_when}}, {{met_when}}{{/met_when}}{{/met_where}}
{{#interests}}- Their interests: {{interests}}{{/interests}}
- Suggest staying in touch`,
    },
    {
      name: 'Never too late',
      body: `Call {{first_name}}: it's never too late
- Open warmly; no need to over-apologise
{{#discussed}}- Pick up the thread: {{discussed}}{{/discussed}}
{{#next_step}}- Revisit the next step you once agreed: {{next_step}}{{/next_step}}
- Ask if they'd like to meet`,
    },
  ],
  handwritten_note: [
    {
      name: 'Honest',
      body: `Dear {{first_name}},

It has been a while since we met${MET}, and I've been meaning to write. {{#discussed}}I still remember our conversation about {{discussed}}.{{/discussed}} I'd love to stay in touch.

Warm wishes,
{{my_name}}`,
    },
    {
      name: 'Light',
      body: `{{first_name}},

Better late than never: thank you for the conversation${MET}. {{#interests}}I hope {{interests}} is going well.{{/interests}}

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Picking up',
      body: `Dear {{first_name}},

Time has flown since we met${MET}. I wanted to write and say I haven't forgotten our conversation{{#discussed}} about {{discussed}}{{/discussed}}, and I'd be glad to continue it.

All the best,
{{my_name}}`,
    },
  ],
};
