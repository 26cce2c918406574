//! Per-client token buckets (`governor`'s GCRA, which is a token bucket): one per
//! authenticated principal, one per client address for traffic that did not authenticate.
//! An empty bucket answers `429 rate_limited` with `Retry-After`.
//!
//! - [`limit_principal`] is a route layer right after authentication: it charges the
//!   principal's bucket (keyed on [`Principal::name`], the name the audit log records, so
//!   an API key and a token subject never share one) before any parsing or database work.
//! - [`limit_unauthenticated`] wraps the router: a response without a [`Caller`] (no valid
//!   credentials, an unknown route, the docs pages) charges the client address's bucket,
//!   and once that is empty the answer becomes 429. Such requests never reach the database,
//!   so answering them first costs little; what the bucket stops is credential guessing
//!   and scanning. A client that authenticates is never limited by its address, so many
//!   clients behind one NAT or load balancer do not starve each other.
//!
//! The client address is the TCP peer's, unless `CLIENT_ADDRESS=x-forwarded-for`: then it
//! is the last address in the last `X-Forwarded-For` header, the one the nearest proxy (the
//! ALB, which appends) wrote. Everything left of it was sent by the client and is ignored.
//! Only set that when every connection comes through such a proxy (docs/traffic-controls.md).
//! IPv6 addresses share a bucket per /64, the block one subscriber usually holds.
//! Health probes are never limited (the load balancer's checks must not be refused).
use std::{
    net::{IpAddr, Ipv6Addr, SocketAddr},
    num::NonZeroU32,
    sync::Arc,
};

use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter, clock::Clock};
use http::HeaderMap;

use super::load_shed::is_health_probe;
use crate::{
    auth::{Caller, Principal},
    error::{ApiError, RetryAfter},
};

/// A bucket's sustained rate and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub per_second: NonZeroU32,
    pub burst: NonZeroU32,
}

impl Rate {
    fn quota(self) -> Quota {
        Quota::per_second(self.per_second).allow_burst(self.burst)
    }
}

/// Where the client address of an unauthenticated request comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientAddress {
    Connection,
    XForwardedFor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitSettings {
    pub principal: Rate,
    pub unauthenticated: Rate,
    pub client_address: ClientAddress,
}

/// The buckets, shared by every request of an application.
#[derive(Clone)]
pub struct RateLimits {
    inner: Arc<Buckets>,
}

struct Buckets {
    principals: DefaultKeyedRateLimiter<String>,
    addresses: DefaultKeyedRateLimiter<IpAddr>,
    client_address: ClientAddress,
}

impl RateLimits {
    pub fn new(settings: RateLimitSettings) -> Self {
        Self {
            inner: Arc::new(Buckets {
                principals: RateLimiter::keyed(settings.principal.quota()),
                addresses: RateLimiter::keyed(settings.unauthenticated.quota()),
                client_address: settings.client_address,
            }),
        }
    }

    fn check_principal(&self, name: &str) -> Result<(), RetryAfter> {
        let limiter = &self.inner.principals;
        limiter
            .check_key(&name.to_owned())
            .map_err(|not_until| RetryAfter::from_wait(not_until.wait_time_from(limiter.clock().now())))
    }

    fn check_address(&self, address: IpAddr) -> Result<(), RetryAfter> {
        let limiter = &self.inner.addresses;
        limiter
            .check_key(&address)
            .map_err(|not_until| RetryAfter::from_wait(not_until.wait_time_from(limiter.clock().now())))
    }

    /// Forgets buckets that are full again (they behave exactly like new ones), so addresses
    /// seen once do not stay in memory.
    pub fn forget_idle(&self) {
        self.inner.principals.retain_recent();
        self.inner.addresses.retain_recent();
        self.inner.principals.shrink_to_fit();
        self.inner.addresses.shrink_to_fit();
    }

    fn client_address(&self, request: &Request) -> IpAddr {
        let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
        let address = match self.inner.client_address {
            ClientAddress::XForwardedFor => forwarded_for(request.headers()).or(peer),
            ClientAddress::Connection => peer,
        };
        bucket_address(address.unwrap_or(IpAddr::from([0, 0, 0, 0])))
    }
}

/// The address the nearest proxy appended: the last entry of the last `X-Forwarded-For`.
fn forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    let last = headers.get_all("x-forwarded-for").iter().next_back()?;
    last.to_str().ok()?.rsplit(',').next()?.trim().parse().ok()
}

/// IPv4 addresses as they are (IPv4-mapped IPv6 ones too); IPv6 by their /64 prefix.
fn bucket_address(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Route layer, inside authentication (which leaves the [`Principal`] in the request's
/// extensions): charges the principal's bucket.
pub async fn limit_principal(State(limits): State<RateLimits>, request: Request, next: Next) -> Response {
    if let Some(principal) = request.extensions().get::<Principal>()
        && let Err(retry_after) = limits.check_principal(&principal.name)
    {
        return ApiError::RateLimited(retry_after).into_response();
    }
    next.run(request).await
}

/// Outer layer: charges the client address's bucket for every response no principal was
/// credited with.
pub async fn limit_unauthenticated(State(limits): State<RateLimits>, request: Request, next: Next) -> Response {
    if is_health_probe(request.uri().path()) {
        return next.run(request).await;
    }
    let address = limits.client_address(&request);
    let response = next.run(request).await;
    if response.extensions().get::<Caller>().is_some() {
        return response;
    }
    match limits.check_address(address) {
        Ok(()) => response,
        Err(retry_after) => ApiError::RateLimited(retry_after).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(per_second: u32, burst: u32) -> Rate {
        Rate { per_second: NonZeroU32::new(per_second).unwrap(), burst: NonZeroU32::new(burst).unwrap() }
    }

    fn limits() -> RateLimits {
        RateLimits::new(RateLimitSettings {
            principal: rate(1, 3),
            unauthenticated: rate(1, 1),
            client_address: ClientAddress::XForwardedFor,
        })
    }

    #[test]
    fn a_bucket_allows_its_burst_then_names_a_whole_second_wait() {
        let limits = limits();
        for _ in 0..3 {
            assert!(limits.check_principal("a").is_ok());
        }
        let retry_after = limits.check_principal("a").unwrap_err();
        assert_eq!(retry_after.seconds(), 1);
        assert!(limits.check_principal("b").is_ok(), "another principal has its own bucket");
    }

    #[test]
    fn the_nearest_proxys_address_is_used_and_client_supplied_ones_are_ignored() {
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", "203.0.113.9, 198.51.100.1".parse().unwrap());
        headers.append("x-forwarded-for", "10.0.0.1, 192.0.2.44".parse().unwrap());
        assert_eq!(forwarded_for(&headers), Some("192.0.2.44".parse().unwrap()));
        headers.clear();
        headers.append("x-forwarded-for", "not an address".parse().unwrap());
        assert_eq!(forwarded_for(&headers), None);
    }

    #[test]
    fn ipv6_clients_share_a_bucket_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(bucket_address(a), bucket_address(b));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(bucket_address(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
    }
}
