//! RDS IAM database authentication: the pool's password is a short-lived token, renewed
//! in the background, so the service holds no database password and nothing needs
//! rotating or redeploying.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DB_IAM_AUTH` | `true`: sign in with IAM authentication tokens (then `DB_PASSWORD` is not used) | `false` |
//! | `AWS_REGION` (or `AWS_DEFAULT_REGION`) | the database's region, for the token's signature | required with `DB_IAM_AUTH` |
//! | `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` / `_FULL_URI` (+ `AWS_CONTAINER_AUTHORIZATION_TOKEN`) | the task role's credentials (set by ECS) | — |
//! | `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` | static credentials, when not on ECS | — |
//!
//! A token is an AWS SigV4-presigned `connect` request for the database user, valid for 15
//! minutes and checked only when a connection opens; connections already open are not
//! affected by its expiry. Every [`TOKEN_RENEWAL`] a fresh token replaces the pool's connect
//! options (the other options, such as TLS and statement logging, are kept), so new
//! connections always present a valid one.
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::{
    http_request::{SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign},
    sign::v4,
};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::config::{ConfigError, invalid};

/// How long a token is valid (the most RDS accepts).
const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// How often a new token is made: well inside its lifetime.
pub const TOKEN_RENEWAL: Duration = Duration::from_secs(10 * 60);
/// How soon a failed renewal is retried.
const RETRY_AFTER: Duration = Duration::from_secs(15);
/// ECS's container credentials endpoint, for `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
const ECS_CREDENTIALS_HOST: &str = "http://169.254.170.2";

#[derive(Clone)]
pub struct IamAuthSettings {
    pub region: String,
    pub host: String,
    pub port: u16,
    pub user: String,
    credentials: CredentialSource,
}

impl std::fmt::Debug for IamAuthSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IamAuthSettings")
            .field("region", &self.region)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
enum CredentialSource {
    /// The ECS container credentials endpoint (the task role), with its authorization token.
    Container {
        url: String,
        authorization: Option<SecretString>,
    },
    Static(AwsCredentials),
}

#[derive(Clone)]
struct AwsCredentials {
    access_key_id: String,
    secret_access_key: SecretString,
    session_token: Option<SecretString>,
    expires_at: Option<SystemTime>,
}

impl IamAuthSettings {
    /// `None` unless `DB_IAM_AUTH` is `true`. The database host, port and user are the ones
    /// in `database_url`; it must ask for TLS (RDS refuses IAM sign-in without it).
    pub fn from_lookup(var: &impl Fn(&str) -> Option<String>, database_url: &str) -> Result<Option<Self>, ConfigError> {
        match var("DB_IAM_AUTH").as_deref().map(str::trim) {
            None | Some("false") => return Ok(None),
            Some("true") => {}
            Some(_) => return Err(invalid("DB_IAM_AUTH", "expected true or false".into())),
        }
        let url = url::Url::parse(database_url).map_err(|_| invalid("DATABASE_URL", "not a valid URL".into()))?;
        let sslmode = url.query_pairs().find(|(k, _)| k == "sslmode").map(|(_, v)| v.into_owned());
        if !matches!(sslmode.as_deref(), Some("require" | "verify-ca" | "verify-full")) {
            return Err(invalid("DB_SSLMODE", "IAM authentication needs require, verify-ca or verify-full".into()));
        }
        let region = var("AWS_REGION")
            .or_else(|| var("AWS_DEFAULT_REGION"))
            .ok_or_else(|| invalid("AWS_REGION", "must be set when DB_IAM_AUTH is true".into()))?;
        let user = percent_encoding::percent_decode_str(url.username()).decode_utf8_lossy().into_owned();
        if user.is_empty() {
            return Err(invalid("DB_USER", "must be set when DB_IAM_AUTH is true".into()));
        }
        Ok(Some(Self {
            region,
            host: url.host_str().unwrap_or_default().to_owned(),
            port: url.port().unwrap_or(5432),
            user,
            credentials: credential_source(var)?,
        }))
    }
}

fn credential_source(var: &impl Fn(&str) -> Option<String>) -> Result<CredentialSource, ConfigError> {
    let authorization = var("AWS_CONTAINER_AUTHORIZATION_TOKEN").map(SecretString::from);
    if let Some(relative) = var("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
        return Ok(CredentialSource::Container { url: format!("{ECS_CREDENTIALS_HOST}{relative}"), authorization });
    }
    if let Some(url) = var("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
        return Ok(CredentialSource::Container { url, authorization });
    }
    match (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        (Some(access_key_id), Some(secret)) => Ok(CredentialSource::Static(AwsCredentials {
            access_key_id,
            secret_access_key: SecretString::from(secret),
            session_token: var("AWS_SESSION_TOKEN").map(SecretString::from),
            expires_at: None,
        })),
        _ => Err(invalid(
            "DB_IAM_AUTH",
            "needs AWS credentials: the ECS task role (AWS_CONTAINER_CREDENTIALS_*) or AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY"
                .into(),
        )),
    }
}

/// The token RDS accepts as the password of `settings.user`, signed at `now`.
fn auth_token(
    settings: &IamAuthSettings,
    credentials: &AwsCredentials,
    now: SystemTime,
) -> Result<SecretString, String> {
    let identity = Credentials::new(
        credentials.access_key_id.clone(),
        credentials.secret_access_key.expose_secret().to_owned(),
        credentials.session_token.as_ref().map(|t| t.expose_secret().to_owned()),
        credentials.expires_at,
        "patient-service",
    )
    .into();
    let mut signing = SigningSettings::default();
    signing.signature_location = SignatureLocation::QueryParams;
    signing.expires_in = Some(TOKEN_LIFETIME);
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&settings.region)
        .name("rds-db")
        .time(now)
        .settings(signing)
        .build()
        .map_err(|err| err.to_string())?
        .into();
    let user: String = form_urlencoded::byte_serialize(settings.user.as_bytes()).collect();
    let url = format!("https://{}:{}/?Action=connect&DBUser={user}", settings.host, settings.port);
    let signable = SignableRequest::new("GET", &url, std::iter::empty(), SignableBody::Bytes(&[]))
        .map_err(|err| err.to_string())?;
    let (instructions, _) = sign(signable, &params).map_err(|err| err.to_string())?.into_parts();
    let mut request = http::Request::builder().uri(&url).body(()).map_err(|err| err.to_string())?;
    instructions.apply_to_request_http1x(&mut request);
    let signed = request.uri().to_string();
    Ok(SecretString::from(signed.strip_prefix("https://").unwrap_or(&signed).to_owned()))
}

/// The ECS credentials endpoint's answer (the task role's temporary credentials).
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ContainerCredentials {
    access_key_id: String,
    secret_access_key: String,
    token: Option<String>,
    expiration: Option<chrono::DateTime<chrono::Utc>>,
}

async fn fetch_credentials(http: &reqwest::Client, source: &CredentialSource) -> Result<AwsCredentials, &'static str> {
    let (url, authorization) = match source {
        CredentialSource::Static(credentials) => return Ok(credentials.clone()),
        CredentialSource::Container { url, authorization } => (url, authorization),
    };
    let mut request = http.get(url);
    if let Some(token) = authorization {
        request = request.header(http::header::AUTHORIZATION, token.expose_secret());
    }
    let response = request.send().await.map_err(|_| "the credentials endpoint is unreachable")?;
    let answer: ContainerCredentials = response
        .error_for_status()
        .map_err(|_| "the credentials endpoint refused")?
        .json()
        .await
        .map_err(|_| "the credentials endpoint's answer is not credentials")?;
    Ok(AwsCredentials {
        access_key_id: answer.access_key_id,
        secret_access_key: SecretString::from(answer.secret_access_key),
        session_token: answer.token.map(SecretString::from),
        expires_at: answer.expiration.map(SystemTime::from),
    })
}

/// Keeps `pool`'s password a fresh token, forever (spawned next to the server).
pub async fn renew_tokens(pool: sea_orm::sqlx::PgPool, settings: IamAuthSettings) {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("an HTTP client builds");
    let mut credentials: Option<AwsCredentials> = None;
    loop {
        let stale = credentials.as_ref().is_none_or(|c| {
            c.expires_at.is_some_and(|at| at <= SystemTime::now() + TOKEN_RENEWAL + Duration::from_secs(60))
        });
        if stale {
            match fetch_credentials(&http, &settings.credentials).await {
                Ok(fresh) => credentials = Some(fresh),
                Err(reason) => tracing::warn!(reason, "cannot get AWS credentials for database IAM authentication"),
            }
        }
        let renewed = match &credentials {
            None => false,
            Some(c) => match auth_token(&settings, c, SystemTime::now()) {
                Ok(token) => {
                    let options = (*pool.connect_options()).clone().password(token.expose_secret());
                    pool.set_connect_options(options);
                    tracing::debug!("renewed the database IAM authentication token");
                    true
                }
                Err(reason) => {
                    tracing::warn!(%reason, "cannot sign a database IAM authentication token");
                    false
                }
            },
        };
        tokio::time::sleep(if renewed { TOKEN_RENEWAL } else { RETRY_AFTER }).await;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)], url: &str) -> Result<Option<IamAuthSettings>, ConfigError> {
        let vars: HashMap<&str, &str> = vars.iter().copied().collect();
        IamAuthSettings::from_lookup(&|name: &str| vars.get(name).map(|v| (*v).to_owned()), url)
    }

    const URL: &str =
        "postgres://patient_service:@db.abc.eu-west-1.rds.amazonaws.com:5432/patients?sslmode=verify-full";
    const KEYS: [(&str, &str); 4] = [
        ("DB_IAM_AUTH", "true"),
        ("AWS_REGION", "eu-west-1"),
        ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
    ];

    /// The same token as botocore's `RDS.Client.generate_db_auth_token` for these inputs at
    /// 2026-12-02T00:00:00Z (computed with botocore 1.43.11): an independent implementation
    /// of the same signature.
    #[test]
    fn the_token_matches_the_aws_sdk() {
        let settings = settings(&KEYS, URL).unwrap().unwrap();
        let CredentialSource::Static(credentials) = &settings.credentials else { panic!("static credentials") };
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_169_600);
        let token = auth_token(&settings, credentials, at).unwrap();
        assert_eq!(token.expose_secret(), BOTOCORE_TOKEN);
    }

    const BOTOCORE_TOKEN: &str = "db.abc.eu-west-1.rds.amazonaws.com:5432/?Action=connect&DBUser=patient_service&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261202%2Feu-west-1%2Frds-db%2Faws4_request&X-Amz-Date=20261202T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=0b4ded28f34bd76dd322972bf96adc053bb0fb1cca0984835cba81b2179610eb";

    #[test]
    fn iam_authentication_is_off_unless_asked_for_and_then_needs_tls_a_region_and_credentials() {
        assert!(settings(&[], URL).unwrap().is_none());
        assert!(settings(&[("DB_IAM_AUTH", "false")], URL).unwrap().is_none());
        let s = settings(&KEYS, URL).unwrap().unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.user.as_str()),
            ("db.abc.eu-west-1.rds.amazonaws.com", 5432, "patient_service")
        );
        let plain = URL.replace("verify-full", "disable");
        assert!(settings(&KEYS, &plain).unwrap_err().to_string().starts_with("DB_SSLMODE is invalid"));
        let err = settings(&KEYS[..1], URL).unwrap_err().to_string();
        assert!(err.starts_with("AWS_REGION is invalid"), "{err}");
        let err = settings(&KEYS[..2], URL).unwrap_err().to_string();
        assert!(err.starts_with("DB_IAM_AUTH is invalid"), "{err}");
        let ecs = settings(&[KEYS[0], KEYS[1], ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x")], URL)
            .unwrap()
            .unwrap();
        assert!(
            matches!(&ecs.credentials, CredentialSource::Container { url, .. } if url == "http://169.254.170.2/v2/credentials/x")
        );
        assert!(!format!("{s:?}").contains("wJalr"));
    }
}
