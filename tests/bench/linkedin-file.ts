/**
 * A LinkedIn Connections.csv as recent exports write it (preamble, URL column, mostly empty
 * e-mails, `DD Mon YYYY` dates, quoted commas), with n deterministic rows.
 */
export function linkedinConnectionsCsv(n: number, seed = 1): string {
  const first = [
    'Ana',
    'Bo',
    'Chen',
    'Dara',
    'Émile',
    'Farah',
    'Goran',
    'Hiro',
    'Ines',
    'Jonas',
    'Kemi',
    'Lars',
  ];
  const last = ['Silva', 'Berg', 'Wang', 'Okafor', 'Dubois', 'Haddad', 'Petrović', 'Sato', 'Moreno', 'Weber'];
  const companies = [
    'Acme Robotics',
    'Globex',
    'Initech, Inc.',
    'Umbrella',
    'Stark Industries',
    'Wayne Enterprises',
  ];
  const titles = ['Founder', 'CTO', 'Head of Sales', 'Investor', 'Engineer', 'Designer'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i++) {
    const k = i * 7 + seed;
    const f = first[k % first.length] as string;
    const l = last[(k >> 3) % last.length] as string;
    const email = i % 20 === 0 ? `${f}.${l}.${i}@example.com`.toLowerCase() : '';
    const date = `${String(1 + (k % 28)).padStart(2, '0')} ${months[k % 12]} ${2015 + (k % 11)}`;
    lines.push(
      [
        f,
        `${l}${i}`,
        `https://www.linkedin.com/in/${f}-${l}-${i}-${seed}`.toLowerCase(),
        email,
        companies[k % companies.length] as string,
        titles[k % titles.length] as string,
        date,
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
