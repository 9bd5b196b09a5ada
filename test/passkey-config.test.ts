import { expect } from 'chai';
import { validateConfig } from '../src/config/load.js';
import { ConfigError } from '../src/config/errors.js';
import { acrValuesSupported, faceAcr, faceLivenessAcr, facePasskeyAcr, passkeyAcr } from '../src/oidc/acr.js';
import { acrSatisfies, signInMethods } from '../src/oidc/sign-in-methods.js';

function refusal(data: object): string {
  try {
    validateConfig(data, 'f.json');
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('passkeys: configuration', () => {
  it('is on by default, bound to the issuer’s host, user verification required', () => {
    expect(validateConfig({ issuer: 'https://login.example.com' }, 'f.json').passkeys).to.deep.equal({
      enabled: true,
      rpId: 'login.example.com',
      userVerification: 'required',
    });
  });

  it('takes a parent domain of the issuer’s host as rpId', () => {
    const config = validateConfig({ issuer: 'https://login.example.com', passkeys: { rpId: 'example.com' } }, 'f.json');
    expect(config.passkeys.rpId).to.equal('example.com');
  });

  it('refuses at the start an rpId the issuer’s origin cannot use, saying why and what to write', () => {
    expect(refusal({ issuer: 'https://login.example.com', passkeys: { rpId: 'example.org' } })).to.match(
      /\/passkeys\/rpId.*neither the issuer's host \(login\.example\.com\) nor a domain it is under/,
    );
    expect(
      refusal({ issuer: 'https://login.example.com', passkeys: { rpId: 'https://login.example.com' } }),
    ).to.include('not a host name');
    expect(refusal({ issuer: 'https://login.example.com', passkeys: { rpId: 'com' } })).to.include('top-level domain');
    expect(refusal({ issuer: 'http://id.example.com' })).to.include('only on https pages');
    expect(refusal({ issuer: 'https://10.0.0.5' })).to.include('IP address');
  });

  it('checks nothing when passkeys are off', () => {
    expect(
      validateConfig({ issuer: 'http://10.0.0.5:3000', passkeys: { enabled: false } }, 'f.json').passkeys.enabled,
    ).to.equal(false);
  });

  it('lists the passkey acr values in discovery only when on', () => {
    expect(acrValuesSupported(true)).to.have.members([facePasskeyAcr, faceLivenessAcr, faceAcr, passkeyAcr]);
    expect(acrValuesSupported(false)).to.have.members([faceLivenessAcr, faceAcr]);
  });
});

describe('passkeys: which ways in an authorization request allows', () => {
  const on = { passkeys: true, livenessByDefault: false };

  it('asking for nothing: the face and the passkey alone', () => {
    expect(signInMethods({}, on)).to.deep.equal({ face: true, passkey: true, facePlusPasskey: false, liveness: false });
  });

  it('asking for a face acr: no passkey alone', () => {
    expect(signInMethods({ acr_values: faceAcr }, on)).to.include({ face: true, passkey: false });
    expect(signInMethods({ acr_values: faceLivenessAcr }, on)).to.include({
      face: true,
      passkey: false,
      liveness: true,
    });
  });

  it('asking for face+passkey: the face with the liveness challenge, then the passkey; neither alone', () => {
    expect(signInMethods({ acr_values: facePasskeyAcr }, on)).to.deep.equal({
      face: false,
      passkey: false,
      facePlusPasskey: true,
      liveness: true,
    });
  });

  it('with passkeys off, a passkey acr asked for is a wish it cannot grant: the face, as before', () => {
    expect(signInMethods({ acr_values: facePasskeyAcr }, { ...on, passkeys: false })).to.deep.equal({
      face: true,
      passkey: false,
      facePlusPasskey: false,
      liveness: false,
    });
  });

  it('a session’s acr answers the requests it proves, and face+passkey proves them all', () => {
    expect(acrSatisfies(passkeyAcr, [faceAcr])).to.equal(false);
    expect(acrSatisfies(faceAcr, [faceLivenessAcr])).to.equal(false);
    expect(acrSatisfies(faceLivenessAcr, [faceAcr])).to.equal(true);
    expect(acrSatisfies(facePasskeyAcr, [faceAcr])).to.equal(true);
    expect(acrSatisfies(facePasskeyAcr, [passkeyAcr])).to.equal(true);
    expect(acrSatisfies(faceLivenessAcr, [facePasskeyAcr])).to.equal(false);
    expect(acrSatisfies(passkeyAcr, [])).to.equal(true);
  });
});
