// Word lists for the synthetic demo network: varied cultures and scripts on purpose, so search,
// sorting and layout meet accents, CJK and long names from day one.
export const FIRST_NAMES = [
  'Ada', 'Amara', 'Aiko', 'Alejandro', 'Anika', 'Björn', 'Camille', 'Chen', 'Chloé', 'Daniel', 'Dmitri',
  'Elena', 'Emeka', 'Fatima', 'François', 'Gabriel', 'Hana', 'Hiroshi', 'Ingrid', 'Isabel', 'Jamal',
  'Jana', 'João', 'Julia', 'Kofi', 'Laila', 'Liam', 'Lucía', 'Mateo', 'Maya', 'Mei', 'Mohammed', 'Nadia',
  'Niamh', 'Noah', 'Olu', 'Oscar', 'Priya', 'Rafael', 'Rohan', 'Sakura', 'Samuel', 'Sara', 'Sofia',
  'Søren', 'Tariq', 'Thandiwe', 'Tomás', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zara', 'Zoë', '美咲', '陽翔',
];

export const LAST_NAMES = [
  'Abara', 'Andersson', 'Bianchi', 'Brennan', 'Castillo', 'Chen', 'Costa', 'Dubois', 'Eriksen', 'Fernández',
  'García', 'Gupta', 'Haddad', 'Hansen', 'Ibrahim', 'Ito', 'Jensen', 'Kim', 'Kowalski', 'Kumar', 'Lambert',
  'Le', 'Lindqvist', 'López', 'Mensah', 'Moreau', 'Müller', 'Nakamura', 'Novak', 'Okafor', "O'Connor",
  'Park', 'Patel', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Sørensen', 'Tanaka',
  'Van der Berg', 'Wang', 'Weber', 'Williams', 'Yamamoto', 'Zhang', 'Zieliński', '佐藤', '李',
];

export const COMPANY_HEADS = [
  'Acme', 'Northwind', 'Bluefin', 'Cobalt', 'Evergreen', 'Harbor', 'Juniper', 'Keystone', 'Lumen', 'Meridian',
  'Nimbus', 'Orchard', 'Pioneer', 'Quartz', 'Redwood', 'Summit', 'Tidal', 'Umbra', 'Vantage', 'Willow',
];
export const COMPANY_TAILS = [
  'Robotics', 'Capital', 'Health', 'Labs', 'Logistics', 'Analytics', 'Realty', 'Partners', 'Energy',
  'Software', 'Foods', 'Media', 'Bank', 'Biotech', 'Studio', 'Security', 'Retail', 'Mobility',
];

export const TITLES = [
  'Founder & CEO', 'CTO', 'VP Engineering', 'Head of Sales', 'Product Manager', 'Investor',
  'Marketing Director', 'Recruiter', 'Data Scientist', 'Designer', 'Partner', 'Managing Director',
  'Account Executive', 'Research Lead', 'Operations Manager', 'Consultant',
];

export const PLACES: readonly { city: string; timeZone: string }[] = [
  { city: 'Berlin', timeZone: 'Europe/Berlin' },
  { city: 'Lisbon', timeZone: 'Europe/Lisbon' },
  { city: 'London', timeZone: 'Europe/London' },
  { city: 'New York', timeZone: 'America/New_York' },
  { city: 'San Francisco', timeZone: 'America/Los_Angeles' },
  { city: 'Toronto', timeZone: 'America/Toronto' },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { city: 'Lagos', timeZone: 'Africa/Lagos' },
  { city: 'Nairobi', timeZone: 'Africa/Nairobi' },
  { city: 'Dubai', timeZone: 'Asia/Dubai' },
  { city: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { city: 'Singapore', timeZone: 'Asia/Singapore' },
  { city: 'Tokyo', timeZone: 'Asia/Tokyo' },
  { city: 'Sydney', timeZone: 'Australia/Sydney' },
];

export const EVENT_KINDS = [
  'Tech Summit', 'Founders Breakfast', 'Product Meetup', 'Investor Day', 'Health Innovation Forum',
  'Design Week', 'Real Estate Expo', 'Fintech Conference', 'Alumni Mixer', 'Climate Tech Night',
];

export const TAGS = [
  'investor', 'founder', 'mentor', 'hiring', 'client', 'partner', 'press', 'ai', 'fintech', 'health',
  'real-estate', 'design', 'climate', 'alumni', 'speaker',
];

export const TOPICS = [
  'scaling a sales team', 'their Series A', 'hiring senior engineers', 'remote work culture',
  'a pilot with our logistics team', 'AI in customer support', 'the keynote on climate risk',
  'moving to Lisbon', 'open-source tooling', 'their podcast', 'pricing experiments', 'a mentoring program',
  'carbon accounting', 'marathon training', 'the new EU data rules', 'design systems',
];

export const NEXT_STEPS = [
  'Send the deck we discussed', 'Introduce them to Priya', 'Book a coffee next month',
  'Share the article on pricing', 'Follow up about the pilot', 'Invite them to the demo day',
  'Ask for feedback on the prototype', 'Connect on LinkedIn',
];

export const HOW_MET = [
  'Sat next to each other at the keynote', 'Introduced by a mutual friend', 'Asked a question after my talk',
  'Queued together for coffee', 'Panel discussion afterwards', 'Workshop table partner',
];

export const INTERACTION_SUMMARIES = [
  'Thanked them for the conversation about {topic}', 'Sent the deck and a short note on {topic}',
  'Coffee chat: caught up on {topic}', 'Call about {topic}; agreed to talk again next quarter',
  'They replied with questions about {topic}', 'Shared an article on {topic}',
  'Introduced them to a colleague working on {topic}', 'Met again at a meetup; talked about {topic}',
  'Congratulated them on their new role', 'They asked for a reference',
];

export const OUTCOMES = ['Replied warmly', 'No reply yet', 'Meeting booked', 'Intro accepted', 'Will revisit later'];
