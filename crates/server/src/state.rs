//! What every request handler can reach.

use std::sync::Arc;

use mottak_store::Store;

use crate::auth::rate_limit::LoginLimiter;
use crate::config::Config;
use crate::metrics::Metrics;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub metrics: Arc<Metrics>,
    pub login_limiter: Arc<LoginLimiter>,
    /// Key for CSRF tokens, kept in the database so that every instance agrees.
    pub csrf_key: Arc<[u8; 32]>,
}
