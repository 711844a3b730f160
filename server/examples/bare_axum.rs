//! The yardstick of the `bench` command: the barest axum handler on the same machine, same runtime, same build.
//! `bare_axum 127.0.0.1:PORT`

#[tokio::main]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3999".into());
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    println!("BARE_READY http://{addr}");
    axum::serve(listener, app).await.expect("serve");
}
