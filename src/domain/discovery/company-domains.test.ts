import { describe, expect, it } from 'vitest';
import { companyDomainOf } from './company-domains';

describe('companyDomainOf', () => {
  it('should give a company address its domain, in lower case', () => {
    expect(companyDomainOf('ana@acme.com')).toBe('acme.com');
    expect(companyDomainOf('Li@Sales.Globex.CO.UK')).toBe('sales.globex.co.uk');
  });

  it('should learn nothing from a mailbox provider, at home or under a country', () => {
    for (const email of ['zoe@gmail.com', 'bo@outlook.com', 'x@yahoo.co.uk', 'y@hotmail.fr', 'z@proton.me'])
      expect(companyDomainOf(email), email).toBeNull();
  });

  it('should learn nothing from an address without a usable domain', () => {
    for (const email of ['no-at-sign', '@acme.com', 'ana@localhost', 'ana@acme..com', 'ana@ac me.com'])
      expect(companyDomainOf(email), email).toBeNull();
  });
});
