//! Checking a passkey assertion whose challenge is chosen by us: the SHA-256 of a ballot
//! answer and a server nonce (a signed answer). webauthn-rs only verifies assertions against
//! the random challenges it issues itself, so this small module follows the WebAuthn
//! assertion-verification steps (§7.2 of the Level 2 recommendation) for ES256 credentials:
//!
//! 1. `clientDataJSON.type` is `webauthn.get`;
//! 2. its `challenge` is the expected one (base64url, no padding);
//! 3. its `origin` is ours (and it is not a cross-origin call);
//! 4. `authenticatorData` starts with SHA-256 of our RP id;
//! 5. the user-present and user-verified flags are set;
//! 6. the signature counter moved forward (or both are 0: the authenticator keeps none);
//! 7. the ECDSA P-256 signature is valid over `authenticatorData ‖ SHA-256(clientDataJSON)`
//!    with the member's stored public key.
use base64::Engine;
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_ASN1};
use serde::Deserialize;
use sha2::{Digest, Sha256};

const FLAG_UP: u8 = 0x01;
const FLAG_UV: u8 = 0x04;

/// What a valid assertion must say.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    /// The challenge the member's authenticator was asked to sign.
    pub challenge: &'a [u8],
    /// Our origin, e.g. `https://ecabinet.example.gov.vn`.
    pub origin: &'a str,
    /// Our relying-party id (the origin's host).
    pub rp_id: &'a str,
    /// The credential's last known signature counter.
    pub stored_counter: u32,
}

/// An assertion as the browser returns it (raw bytes, base64url already decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assertion {
    pub client_data_json: Vec<u8>,
    pub authenticator_data: Vec<u8>,
    /// DER-encoded ECDSA signature.
    pub signature: Vec<u8>,
}

/// Why an assertion was refused; each step has its own reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    ClientData,
    Type,
    Challenge,
    Origin,
    AuthenticatorData,
    RpId,
    UserNotPresent,
    UserNotVerified,
    Counter,
    PublicKey,
    Signature,
}

#[derive(Deserialize)]
struct ClientData {
    #[serde(rename = "type")]
    kind: String,
    challenge: String,
    origin: String,
    #[serde(default, rename = "crossOrigin")]
    cross_origin: bool,
}

/// base64url without padding, as WebAuthn writes the challenge.
pub fn base64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Verify `assertion` against `expected` with the credential's public key (SEC1 encoding,
/// e.g. `04 ‖ x ‖ y`). Returns the new signature counter to store.
pub fn verify(
    expected: &Expected<'_>,
    assertion: &Assertion,
    public_key_sec1: &[u8],
) -> Result<u32, Refused> {
    let client: ClientData =
        serde_json::from_slice(&assertion.client_data_json).map_err(|_| Refused::ClientData)?;
    if client.kind != "webauthn.get" {
        return Err(Refused::Type);
    }
    if client.challenge.trim_end_matches('=') != base64url(expected.challenge) {
        return Err(Refused::Challenge);
    }
    if client.origin != expected.origin || client.cross_origin {
        return Err(Refused::Origin);
    }
    let data = &assertion.authenticator_data;
    // rpIdHash (32) ‖ flags (1) ‖ signCount (4) ‖ extensions…
    if data.len() < 37 {
        return Err(Refused::AuthenticatorData);
    }
    if data[..32] != Sha256::digest(expected.rp_id.as_bytes())[..] {
        return Err(Refused::RpId);
    }
    let flags = data[32];
    if flags & FLAG_UP == 0 {
        return Err(Refused::UserNotPresent);
    }
    if flags & FLAG_UV == 0 {
        return Err(Refused::UserNotVerified);
    }
    let counter = u32::from_be_bytes([data[33], data[34], data[35], data[36]]);
    if (counter != 0 || expected.stored_counter != 0) && counter <= expected.stored_counter {
        return Err(Refused::Counter);
    }
    // An uncompressed SEC1 point (`04 ‖ x ‖ y`), as the passkey store keeps it. ring checks
    // that the point is on the curve, and refuses it with the signature.
    if public_key_sec1.len() != 65 || public_key_sec1[0] != 0x04 {
        return Err(Refused::PublicKey);
    }
    let mut signed = data.clone();
    signed.extend_from_slice(&Sha256::digest(&assertion.client_data_json));
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, public_key_sec1)
        .verify(&signed, &assertion.signature)
        .map_err(|_| Refused::Signature)?;
    Ok(counter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::Signer;
    use p256::ecdsa::{Signature, SigningKey};

    const ORIGIN: &str = "https://ecabinet.example.gov.vn";
    const RP_ID: &str = "ecabinet.example.gov.vn";
    const CHALLENGE: &[u8] = b"sha-256 of an answer and a nonce";

    fn key() -> SigningKey {
        SigningKey::from_slice(&[0x42; 32]).unwrap()
    }

    fn public_key() -> Vec<u8> {
        key()
            .verifying_key()
            .to_sec1_point(false)
            .as_bytes()
            .to_vec()
    }

    /// What an authenticator and a browser produce, with each part replaceable.
    fn assertion(client_data: &str, rp_id: &str, flags: u8, counter: u32) -> Assertion {
        let mut data = Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&counter.to_be_bytes());
        let mut signed = data.clone();
        signed.extend_from_slice(&Sha256::digest(client_data.as_bytes()));
        let signature: Signature = key().sign(&signed);
        Assertion {
            client_data_json: client_data.as_bytes().to_vec(),
            authenticator_data: data,
            signature: signature.to_der().as_bytes().to_vec(),
        }
    }

    fn client_data(kind: &str, challenge: &[u8], origin: &str) -> String {
        format!(
            r#"{{"type":"{kind}","challenge":"{}","origin":"{origin}","crossOrigin":false}}"#,
            base64url(challenge)
        )
    }

    fn expected(stored_counter: u32) -> Expected<'static> {
        Expected {
            challenge: CHALLENGE,
            origin: ORIGIN,
            rp_id: RP_ID,
            stored_counter,
        }
    }

    fn good() -> Assertion {
        assertion(
            &client_data("webauthn.get", CHALLENGE, ORIGIN),
            RP_ID,
            FLAG_UP | FLAG_UV,
            8,
        )
    }

    #[test]
    fn a_genuine_assertion_passes_and_moves_the_counter() {
        assert_eq!(verify(&expected(7), &good(), &public_key()), Ok(8));
        // An authenticator that keeps no counter (always 0) is accepted while we stored 0.
        let none = assertion(
            &client_data("webauthn.get", CHALLENGE, ORIGIN),
            RP_ID,
            FLAG_UP | FLAG_UV,
            0,
        );
        assert_eq!(verify(&expected(0), &none, &public_key()), Ok(0));
    }

    #[test]
    fn both_forms_of_a_signature_pass() {
        // ECDSA's (r, s) and (r, n − s) are both valid; authenticators do not normalise s
        // to the low form, so neither may be refused.
        let genuine = good();
        let signature = Signature::from_der(&genuine.signature).unwrap();
        let (r, s) = signature.split_scalars();
        let twin = Signature::from_scalars(r, -s).unwrap();
        assert_ne!(twin, signature);
        for signature in [signature, twin] {
            let assertion = Assertion {
                signature: signature.to_der().as_bytes().to_vec(),
                ..genuine.clone()
            };
            assert_eq!(verify(&expected(7), &assertion, &public_key()), Ok(8));
        }
    }

    #[test]
    fn each_step_refuses_what_it_checks() {
        let data = |kind, challenge, origin| client_data(kind, challenge, origin);
        let cases = [
            (
                assertion(&data("webauthn.create", CHALLENGE, ORIGIN), RP_ID, 0x05, 8),
                Refused::Type,
            ),
            (
                assertion(
                    &data("webauthn.get", b"another answer", ORIGIN),
                    RP_ID,
                    0x05,
                    8,
                ),
                Refused::Challenge,
            ),
            (
                assertion(
                    &data("webauthn.get", CHALLENGE, "https://evil.example"),
                    RP_ID,
                    0x05,
                    8,
                ),
                Refused::Origin,
            ),
            (
                assertion(
                    &data("webauthn.get", CHALLENGE, ORIGIN),
                    "evil.example",
                    0x05,
                    8,
                ),
                Refused::RpId,
            ),
            (
                assertion(&data("webauthn.get", CHALLENGE, ORIGIN), RP_ID, FLAG_UV, 8),
                Refused::UserNotPresent,
            ),
            (
                assertion(&data("webauthn.get", CHALLENGE, ORIGIN), RP_ID, FLAG_UP, 8),
                Refused::UserNotVerified,
            ),
            // A replayed (or cloned-authenticator) counter: 7 is not after 7.
            (
                assertion(&data("webauthn.get", CHALLENGE, ORIGIN), RP_ID, 0x05, 7),
                Refused::Counter,
            ),
        ];
        for (assertion, refused) in cases {
            assert_eq!(
                verify(&expected(7), &assertion, &public_key()),
                Err(refused)
            );
        }
        let cross = client_data("webauthn.get", CHALLENGE, ORIGIN).replace("false", "true");
        assert_eq!(
            verify(
                &expected(7),
                &assertion(&cross, RP_ID, 0x05, 8),
                &public_key()
            ),
            Err(Refused::Origin)
        );
        assert_eq!(
            verify(
                &expected(7),
                &assertion("not json", RP_ID, 0x05, 8),
                &public_key()
            ),
            Err(Refused::ClientData)
        );
    }

    #[test]
    fn a_changed_byte_or_another_key_breaks_the_signature() {
        // The client data changed after signing (another answer's challenge, same text length).
        let mut forged = good();
        let text = String::from_utf8(forged.client_data_json.clone()).unwrap();
        forged.client_data_json = text.replace("false", "false ").into_bytes();
        assert_eq!(
            verify(&expected(7), &forged, &public_key()),
            Err(Refused::Signature)
        );
        // The counter raised after signing.
        let mut bumped = good();
        bumped.authenticator_data[36] = 9;
        assert_eq!(
            verify(&expected(7), &bumped, &public_key()),
            Err(Refused::Signature)
        );
        let other = SigningKey::from_slice(&[0x43; 32]).unwrap();
        let other_key = other.verifying_key().to_sec1_point(false);
        assert_eq!(
            verify(&expected(7), &good(), other_key.as_bytes()),
            Err(Refused::Signature)
        );
        assert_eq!(
            verify(&expected(7), &good(), &[4, 1, 2, 3]),
            Err(Refused::PublicKey)
        );
        // The store keeps uncompressed points only; a compressed one is not a stored key.
        let compressed = key().verifying_key().to_sec1_point(true);
        assert_eq!(
            verify(&expected(7), &good(), compressed.as_bytes()),
            Err(Refused::PublicKey)
        );
        // A point off the curve (the right key with one bit of y changed) verifies nothing.
        let mut off_curve = public_key();
        off_curve[64] ^= 1;
        assert_eq!(
            verify(&expected(7), &good(), &off_curve),
            Err(Refused::Signature)
        );
        let mut truncated = good();
        truncated.authenticator_data.truncate(36);
        assert_eq!(
            verify(&expected(7), &truncated, &public_key()),
            Err(Refused::AuthenticatorData)
        );
    }
}
