import { describe, expect, it } from 'vitest';
import { EXTERNAL_URL_SCHEMES, isAllowedExternalUrl } from '../../../src/shared/urls.ts';

// sms: joined the allowlist deliberately for the composer's text hand-off; these pin what it
// lets through and what it still refuses.
describe('external link allowlist with sms:', () => {
  it('lists exactly https, mailto, tel and sms', () => {
    expect([...EXTERNAL_URL_SCHEMES]).toEqual(['https:', 'mailto:', 'tel:', 'sms:']);
  });

  it.each([
    'sms:+15551234567',
    'sms:+15551234567?body=Hi%20Ada%0Afree%3F',
    'sms:07946095800?body=x',
    'sms:+1-555-123-4567',
    'sms:+15551234567,+442079460958?body=both',
    'SMS:+15551234567',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'sms:',
    'sms:?body=hi',
    'sms:///+15551234567',
    'sms:hello',
    'sms:+1555 1234',
    'sms:+1555;phone-context=example.com',
    'sms:javascript:alert(1)',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smsto:+15551234567',
    'facetime:+15551234567',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('still allows the schemes it had and their rules', () => {
    expect(isAllowedExternalUrl('https://www.linkedin.com/in/ada')).toBe(true);
    expect(isAllowedExternalUrl('mailto:ada@example.com?subject=x')).toBe(true);
    expect(isAllowedExternalUrl('tel:+15551234')).toBe(true);
    expect(isAllowedExternalUrl('https://user:pw@example.com/')).toBe(false);
  });
});
