//! A software passkey authenticator for tests: ES256 key, "none" attestation, discoverable
//! credentials with a user handle. It builds exactly what a browser and a platform
//! authenticator send, so tests can also build what they must not (wrong origin, no user
//! verification, replays).
use std::collections::BTreeMap;

use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use serde_cbor_2::Value;
use serde_json::{json, Value as Json};
use sha2::{Digest, Sha256};

const FLAG_UP: u8 = 0x01;
const FLAG_UV: u8 = 0x04;
const FLAG_AT: u8 = 0x40;

pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .expect("base64url")
}

pub struct SoftAuthenticator {
    pub key: SigningKey,
    pub credential_id: Vec<u8>,
    counter: u32,
    user_handle: Vec<u8>,
    /// Whether the authenticator reports user verification (fingerprint, PIN).
    pub verify_user: bool,
    /// The origin the "browser" writes into the client data.
    pub origin: String,
    rp_id: String,
}

impl SoftAuthenticator {
    /// A new credential for the site at `origin` (its host is the RP id). `seed` picks the
    /// key and the credential id, so two authenticators with the same seed hold the same
    /// credential.
    pub fn new(origin: &str, seed: u32) -> SoftAuthenticator {
        let mut secret = [0x11u8; 32];
        secret[28..].copy_from_slice(&seed.max(1).to_be_bytes());
        let seed = seed.to_be_bytes();
        let rp_id = url::Url::parse(origin)
            .expect("origin")
            .host_str()
            .expect("host")
            .to_owned();
        SoftAuthenticator {
            key: SigningKey::from_slice(&secret).expect("key"),
            credential_id: [&[0xC0, 0xDE][..], &seed, &[0x01, 0x02, 0x03, 0x04, 0x05]].concat(),
            counter: 0,
            user_handle: Vec::new(),
            verify_user: true,
            origin: origin.to_owned(),
            rp_id,
        }
    }

    fn client_data(&self, kind: &str, challenge: &str) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "type": kind,
            "challenge": challenge,
            "origin": self.origin,
            "crossOrigin": false,
        }))
        .unwrap()
    }

    fn auth_data(&mut self, attested: bool) -> Vec<u8> {
        self.counter += 1;
        let mut flags = FLAG_UP;
        if self.verify_user {
            flags |= FLAG_UV;
        }
        if attested {
            flags |= FLAG_AT;
        }
        let mut data = Sha256::digest(self.rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&self.counter.to_be_bytes());
        if attested {
            data.extend_from_slice(&[0u8; 16]); // AAGUID
            data.extend_from_slice(&(self.credential_id.len() as u16).to_be_bytes());
            data.extend_from_slice(&self.credential_id);
            let point = self.key.verifying_key().to_sec1_point(false);
            let bytes = point.as_bytes();
            let cose = Value::Map(BTreeMap::from([
                (Value::Integer(1), Value::Integer(2)),
                (Value::Integer(3), Value::Integer(-7)),
                (Value::Integer(-1), Value::Integer(1)),
                (Value::Integer(-2), Value::Bytes(bytes[1..33].to_vec())),
                (Value::Integer(-3), Value::Bytes(bytes[33..65].to_vec())),
            ]));
            data.extend_from_slice(&serde_cbor_2::to_vec(&cose).unwrap());
        }
        data
    }

    /// Answer `navigator.credentials.create` with these options (the server's JSON).
    pub fn register(&mut self, options: &Json) -> Json {
        let public_key = &options["publicKey"];
        let challenge = public_key["challenge"].as_str().expect("challenge");
        self.user_handle = unb64(public_key["user"]["id"].as_str().expect("user id"));
        let client_data = self.client_data("webauthn.create", challenge);
        let auth_data = self.auth_data(true);
        let attestation = Value::Map(BTreeMap::from([
            (Value::Text("fmt".into()), Value::Text("none".into())),
            (Value::Text("attStmt".into()), Value::Map(BTreeMap::new())),
            (Value::Text("authData".into()), Value::Bytes(auth_data)),
        ]));
        json!({
            "id": b64(&self.credential_id),
            "rawId": b64(&self.credential_id),
            "response": {
                "attestationObject": b64(&serde_cbor_2::to_vec(&attestation).unwrap()),
                "clientDataJSON": b64(&client_data),
            },
            "type": "public-key",
            "extensions": {},
        })
    }

    /// Answer `navigator.credentials.get` with these options (the server's JSON).
    pub fn assert(&mut self, options: &Json) -> Json {
        let challenge = options["publicKey"]["challenge"]
            .as_str()
            .expect("challenge");
        let client_data = self.client_data("webauthn.get", challenge);
        let auth_data = self.auth_data(false);
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(&client_data));
        let signature: Signature = self.key.sign(&signed);
        json!({
            "id": b64(&self.credential_id),
            "rawId": b64(&self.credential_id),
            "response": {
                "authenticatorData": b64(&auth_data),
                "clientDataJSON": b64(&client_data),
                "signature": b64(signature.to_der().as_bytes()),
                "userHandle": b64(&self.user_handle),
            },
            "type": "public-key",
            "extensions": {},
        })
    }

    /// Make this authenticator hold the credential of `other` (same key and id) for a
    /// different user: what "a credential already registered to another account" looks like.
    pub fn set_user_handle(&mut self, handle: Vec<u8>) {
        self.user_handle = handle;
    }
}
