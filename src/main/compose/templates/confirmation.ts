import { type PurposeWordings, SIGNED, TIMES } from './wording.ts';

// The day before a meeting: name its day, time (in their zone) and place, and leave room to
// move it in case something has come up.
const WHEN_YOURS = '{{meeting_day}} at {{meeting_time}}{{#meeting_mine}} your time{{/meeting_mine}}';

export const confirmation: PurposeWordings = {
  email: [
    {
      name: 'The details',
      subject:
        'Confirming {{#meeting_day}}{{meeting_day}}{{/meeting_day}}{{^meeting_day}}our meeting{{/meeting_day}}',
      body: `Hi {{first_name}},

{{#meeting_day}}I'm looking forward to our meeting and wanted to confirm the details:

- When: {{meeting_day}}, {{meeting_time}}{{#meeting_mine}} your time ({{meeting_mine}} mine){{/meeting_mine}}
{{#meeting_place}}- Where: {{meeting_place}}{{/meeting_place}}
{{#discussed}}- Topic: {{discussed}}{{/discussed}}{{/meeting_day}}{{^meeting_day}}I'm looking forward to our meeting{{#meeting_place}} at {{meeting_place}}{{/meeting_place}} and wanted to make sure it still works for you.{{/meeting_day}}

{{#time_1}}If something has come up, no problem: ${TIMES} would work for me too.{{/time_1}}{{^time_1}}If something has come up, let me know and we'll find another time.{{/time_1}}

See you then,
${SIGNED}`,
    },
    {
      name: 'Brief',
      subject:
        'See you {{#meeting_day}}on {{meeting_day}}{{/meeting_day}}{{^meeting_day}}soon{{/meeting_day}}',
      body: `Hi {{first_name}},

A quick note to confirm we're meeting {{#meeting_day}}on ${WHEN_YOURS}{{/meeting_day}}{{^meeting_day}}as planned{{/meeting_day}}{{#meeting_place}}, at {{meeting_place}}{{/meeting_place}}. {{#discussed}}I'm looking forward to talking more about {{discussed}}.{{/discussed}}

If the time no longer suits you, tell me and we'll move it.

Best,
${SIGNED}`,
    },
    {
      name: 'Formal',
      subject: 'Our meeting{{#meeting_day}} on {{meeting_day}}{{/meeting_day}}',
      body: `Hello {{first_name}},

I'm writing to confirm our meeting{{#meeting_day}} on {{meeting_day}} at {{meeting_time}}{{#meeting_mine}} (your time; {{meeting_mine}} for me){{/meeting_mine}}{{/meeting_day}}{{#meeting_place}}, at {{meeting_place}}{{/meeting_place}}. {{#discussed}}I'll come prepared to talk about {{discussed}}.{{/discussed}}

Should anything change on your side, a short reply is all it takes{{#time_1}}; ${TIMES} would also work{{/time_1}}.

Kind regards,
${SIGNED}`,
    },
  ],
  linkedin: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, looking forward to our meeting{{#meeting_day}} on ${WHEN_YOURS}{{/meeting_day}}{{#meeting_place}}, at {{meeting_place}}{{/meeting_place}}. If anything changes, let me know.`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, confirming {{#meeting_day}}{{meeting_day}}, {{meeting_time}}{{#meeting_mine}} your time{{/meeting_mine}}{{/meeting_day}}{{^meeting_day}}our meeting{{/meeting_day}}{{#meeting_place}} at {{meeting_place}}{{/meeting_place}}. {{#discussed}}Keen to talk more about {{discussed}}.{{/discussed}} See you then!`,
    },
    {
      name: 'Check',
      body: `Hi {{first_name}}, a quick check that {{#meeting_day}}${WHEN_YOURS}{{/meeting_day}}{{^meeting_day}}our meeting time{{/meeting_day}} still works for you{{#meeting_place}} ({{meeting_place}}){{/meeting_place}}. {{#time_1}}If not, {{time_1}} would suit me too.{{/time_1}}`,
    },
  ],
  text: [
    {
      name: 'Warm',
      body: `Hi {{first_name}}, looking forward to {{#meeting_day}}${WHEN_YOURS}{{/meeting_day}}{{^meeting_day}}our meeting{{/meeting_day}}{{#meeting_place}}, {{meeting_place}}{{/meeting_place}}. Still good for you?
{{my_name}}`,
    },
    {
      name: 'Brief',
      body: `{{first_name}}, confirming {{#meeting_day}}{{meeting_day}}, {{meeting_time}}{{#meeting_mine}} your time{{/meeting_mine}}{{/meeting_day}}{{^meeting_day}}our meeting{{/meeting_day}}{{#meeting_place}} at {{meeting_place}}{{/meeting_place}}. Let me know if anything changes!
{{my_name}}`,
    },
    {
      name: 'Question',
      body: `Hi {{first_name}}, are we still on for {{#meeting_day}}${WHEN_YOURS}{{/meeting_day}}{{^meeting_day}}our meeting{{/meeting_day}}? {{#meeting_place}}I'll see you at {{meeting_place}}.{{/meeting_place}}
{{my_name}}`,
    },
  ],
  call: [
    {
      name: 'The details',
      body: `Call {{first_name}} to confirm the meeting
{{#meeting_day}}- When: {{meeting_day}}, {{meeting_time}}{{#meeting_mine}} their time ({{meeting_mine}} yours){{/meeting_mine}}{{/meeting_day}}{{^meeting_day}}- Confirm the day and time you agreed{{/meeting_day}}
{{#meeting_place}}- Where: {{meeting_place}}{{/meeting_place}}
{{#discussed}}- What it's about: {{discussed}}{{/discussed}}
{{#time_1}}- If it needs to move: ${TIMES}{{/time_1}}`,
    },
    {
      name: 'Quick check',
      body: `Call {{first_name}}{{#company}} ({{company}}){{/company}}: confirm the meeting
- Check {{#meeting_day}}{{meeting_day}} at {{meeting_time}}{{#meeting_mine}} their time{{/meeting_mine}}{{/meeting_day}}{{^meeting_day}}the agreed time{{/meeting_day}} still works
{{#meeting_place}}- Confirm the place: {{meeting_place}}{{/meeting_place}}
- Ask if there's anything they'd like you to bring or prepare`,
    },
    {
      name: 'Agenda',
      body: `Call {{first_name}}: a short confirmation
- Thank them for making time{{#meeting_day}} on {{meeting_day}}{{/meeting_day}}
{{#meeting_time}}- Time: {{meeting_time}}{{#meeting_mine}} their time, {{meeting_mine}} yours{{/meeting_mine}}{{/meeting_time}}
{{#meeting_place}}- Place: {{meeting_place}}{{/meeting_place}}
{{#next_step}}- Agenda: {{next_step}}{{/next_step}}{{^next_step}}{{#discussed}}- Agenda: {{discussed}}{{/discussed}}{{/next_step}}`,
    },
  ],
  handwritten_note: [
    {
      name: 'Warm',
      body: `Dear {{first_name}},

I'm looking forward to seeing you{{#meeting_day}} on ${WHEN_YOURS}{{/meeting_day}}{{#meeting_place}}, at {{meeting_place}}{{/meeting_place}}. {{#discussed}}I'm keen to continue our conversation about {{discussed}}.{{/discussed}}

Until then,
{{my_name}}`,
    },
    {
      name: 'Short',
      body: `{{first_name}},

A note to say I'm looking forward to our meeting{{#meeting_day}} on {{meeting_day}}{{/meeting_day}}{{#meeting_place}} at {{meeting_place}}{{/meeting_place}}. Thank you for making the time.

Best wishes,
{{my_name}}`,
    },
    {
      name: 'Thankful',
      body: `Dear {{first_name}},

Thank you for agreeing to meet{{#meeting_day}} on {{meeting_day}}{{/meeting_day}}. {{#meeting_place}}I'll see you at {{meeting_place}}{{#meeting_time}} at {{meeting_time}}{{#meeting_mine}} your time{{/meeting_mine}}{{/meeting_time}}.{{/meeting_place}} If anything changes, don't hesitate to let me know.

Warmly,
{{my_name}}`,
    },
  ],
};
