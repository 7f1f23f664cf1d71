//! The browser's side of passkeys: `navigator.credentials.create/get`, with webauthn-rs-proto
//! converting between its types and the Web Authentication API's.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

fn credentials() -> Result<web_sys::CredentialsContainer, String> {
    Ok(web_sys::window()
        .ok_or("no window")?
        .navigator()
        .credentials())
}

fn js_error(err: wasm_bindgen::JsValue) -> String {
    format!("{err:?}")
}

/// Ask the device's authenticator for a new passkey.
pub async fn create(
    options: CreationChallengeResponse,
) -> Result<RegisterPublicKeyCredential, String> {
    let options: web_sys::CredentialCreationOptions = options.into();
    let promise = credentials()?
        .create_with_options(&options)
        .map_err(js_error)?;
    let value = JsFuture::from(promise).await.map_err(js_error)?;
    Ok(value
        .unchecked_into::<web_sys::PublicKeyCredential>()
        .into())
}

/// Ask the device's authenticator to sign in with one of its passkeys for this site.
pub async fn get(options: RequestChallengeResponse) -> Result<PublicKeyCredential, String> {
    let options: web_sys::CredentialRequestOptions = options.into();
    let promise = credentials()?
        .get_with_options(&options)
        .map_err(js_error)?;
    let value = JsFuture::from(promise).await.map_err(js_error)?;
    Ok(value
        .unchecked_into::<web_sys::PublicKeyCredential>()
        .into())
}

/// Full page load of `path`, so every part of the page sees the new session.
pub fn go_to(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
}
