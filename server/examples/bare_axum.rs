//! The yardstick of the `bench` command: the barest axum handler on the same machine, same runtime, same build,
//! serving a static 8 KB HTML page (about a public page's size). `bare_axum 127.0.0.1:PORT`

#[tokio::main]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3999".into());
    static PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let page = PAGE.get_or_init(|| {
        let mut p = String::from("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>bare</title></head><body>");
        while p.len() < 8 * 1024 - 20 {
            p.push_str("<p>人民法院一站式诉讼服务</p>");
        }
        p.push_str("</body></html>");
        p
    });
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(move || async move { axum::response::Html(page.as_str()) }),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    println!("BARE_READY http://{addr}");
    axum::serve(listener, app).await.expect("serve");
}
