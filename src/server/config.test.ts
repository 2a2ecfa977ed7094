import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('PARTNER_ORIGINS', () => {
  it('is empty by default: no site may frame the visitor page', () => {
    expect(loadConfig({}).partnerOrigins).toEqual([]);
    expect(loadConfig({ PARTNER_ORIGINS: '' }).partnerOrigins).toEqual([]);
  });

  it('takes a comma-separated list of https origins, tidied and without duplicates', () => {
    expect(loadConfig({ PARTNER_ORIGINS: 'https://www.partner.nl,https://school.example' }).partnerOrigins).toEqual([
      'https://www.partner.nl',
      'https://school.example',
    ]);
    expect(loadConfig({ PARTNER_ORIGINS: ' https://Partner.NL/ , https://partner.nl,https://a.example:8443' }).partnerOrigins).toEqual([
      'https://partner.nl',
      'https://a.example:8443',
    ]);
  });

  it('allows plain http only for localhost and 127.0.0.1 (development and tests)', () => {
    expect(loadConfig({ PARTNER_ORIGINS: 'http://localhost:3000,http://127.0.0.1:5000' }).partnerOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:5000',
    ]);
    expect(() => loadConfig({ PARTNER_ORIGINS: 'http://www.partner.nl' })).toThrow(/PARTNER_ORIGINS.*must use https/);
  });

  it('refuses anything that is not exactly an origin, with the value in the message', () => {
    for (const bad of ['*', 'https://*.partner.nl', 'https://partner.nl/chat', 'https://partner.nl?x=1', 'https://user@partner.nl', "https://a.nl 'unsafe-inline'", 'https://a.nl;script-src *', 'partner.nl', 'javascript:alert(1)']) {
      expect(() => loadConfig({ PARTNER_ORIGINS: bad }), bad).toThrow(/Invalid configuration:\n {2}PARTNER_ORIGINS/);
    }
  });
});
