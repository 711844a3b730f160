//! `server` — runs the portal (default), or `server create-staff …` to open a court staff account.

use app::texts::Message;
use server::settings::{redact_url, Settings};
use server::Application;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "usage:
  server                      run the portal (settings from the environment: DATABASE_URL, LEPTOS_SITE_ADDR,
                              LEPTOS_SITE_ROOT, PORTAL_SECRET, PORTAL_DEMO_DATA=1 to load the demo data)
  server create-staff --role clerk|mediator|judge|court_admin --login NAME --name 显示名 --court CODE [--email ADDRESS]
                              open a staff account bound to a court; the password is read from the
                              PORTAL_STAFF_PASSWORD environment variable or the first line of standard input; the
                              e-mail address is where a password-reset code goes (staff have no mobile here)
  server outbox [--peek] [--limit N]
                              the messages waiting in the outbox (password-reset and query codes), one JSON object a
                              line (id, channel sms|email, purpose, to, body, created_at), oldest first, for the SMS
                              gateway to deliver; each printed message is marked handed over unless --peek";

#[tokio::main]
async fn main() {
    // Files the server creates — the SQLite database and its journal, uploads, the key file — are its own user's
    // only (0600/0700), whatever the shell's umask.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask; it cannot fail and touches no memory.
    unsafe {
        libc::umask(0o077);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The outbox command's standard output is data for the SMS gateway: its log goes to standard error.
    let log = tracing_subscriber::fmt().with_env_filter(
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
    );
    if args.first().map(String::as_str) == Some("outbox") {
        log.with_writer(std::io::stderr).init();
    } else {
        log.init();
    }
    let settings = Settings::from_env().unwrap_or_else(|e| fail(&e));
    match args.first().map(String::as_str) {
        None | Some("serve") => serve(settings).await,
        Some("create-staff") => create_staff(settings, &args[1..]).await,
        Some("outbox") => outbox(settings, &args[1..]).await,
        Some("-h" | "--help" | "help") => println!("{USAGE}"),
        Some(other) => fail(&format!("unknown command {other}\n{USAGE}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2)
}

async fn serve(settings: Settings) {
    let conf = leptos::config::get_configuration(None)
        .unwrap_or_else(|e| fail(&format!("leptos configuration: {e}")));
    let mut options = conf.leptos_options;
    // cargo-leptos bakes the bundle's name in at compile time; a plain `cargo build` of the binary has none.
    if options.output_name.is_empty() {
        options.output_name = "portal".into();
    }
    let url = redact_url(&settings.database_url);
    let app = Application::build(settings, options)
        .await
        .unwrap_or_else(|e| fail(&e));
    tracing::info!(database = %url, "portal listening on http://{}", app.local_addr());
    println!("PORTAL_READY http://{}", app.local_addr());
    if let Err(e) = app.serve().await {
        fail(&format!("server: {e}"));
    }
}

async fn create_staff(settings: Settings, args: &[String]) {
    let get = |flag: &str| {
        args.windows(2)
            .find(|w| w[0] == flag)
            .map(|w| w[1].clone())
            .unwrap_or_else(|| fail(&format!("missing {flag}\n{USAGE}")))
    };
    let role = domain::registration::AccountKind::from_code(&get("--role"))
        .filter(|k| k.is_staff())
        .unwrap_or_else(|| fail("--role must be clerk, mediator, judge or court_admin"));
    let password = match std::env::var("PORTAL_STAFF_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .unwrap_or_else(|e| fail(&e.to_string()));
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let ctx = server::server_context(&settings)
        .await
        .unwrap_or_else(|e| fail(&e));
    let (login_name, display_name, court_code) = (get("--login"), get("--name"), get("--court"));
    let staff = app::account::service::NewStaff {
        role,
        login_name: &login_name,
        display_name: &display_name,
        court_code: &court_code,
    };
    let email = args
        .windows(2)
        .find(|w| w[0] == "--email")
        .map(|w| w[1].clone());
    if let Some(e) = &email {
        if !app::notify::is_email_address(e) {
            fail(&format!("--email {e:?} is not an e-mail address"));
        }
    }
    match app::account::service::create_staff(&staff, password, server::state::now_ms(), &ctx).await
    {
        Ok(account) => {
            if let Some(e) = &email {
                db::accounts::set_email(&ctx.db, &account.id, Some(e), server::state::now_ms())
                    .await
                    .unwrap_or_else(|err| fail(&err.to_string()));
            }
            println!(
                "created {} {} ({}) at {}",
                role.code(),
                account.login_name,
                account.display_name,
                staff.court_code
            )
        }
        Err(e) => {
            use app::error::ServiceError;
            let fields: Vec<String> = e
                .field_errors()
                .map(|f| {
                    f.0.iter()
                        .map(|(k, v)| format!("{k}: {}", v.message(domain::Lang::En)))
                        .collect()
                })
                .unwrap_or_default();
            // The administrator at the console may see an internal cause; a browser never does.
            fail(&format!(
                "{} {} {}",
                e.message(domain::Lang::En),
                fields.join("; "),
                e.internal_cause().unwrap_or("")
            ))
        }
    }
}

/// The operator's side of the outbox: what waits to be delivered, as JSON lines an SMS gateway (or a person at the
/// console) reads; each message printed is marked handed over, so the next run prints only new ones (`--peek`
/// leaves them). The bodies carry codes: this goes to the gateway, never into a log.
async fn outbox(settings: Settings, args: &[String]) {
    let peek = args.iter().any(|a| a == "--peek");
    let limit = args
        .windows(2)
        .find(|w| w[0] == "--limit")
        .map(|w| {
            w[1].parse::<i64>()
                .unwrap_or_else(|_| fail("--limit takes a number"))
        })
        .unwrap_or(100);
    // The database and the keys only: the gateway's reader needs no file store or configuration.
    let keys = db::crypto::Keys::from_master(&settings.secret);
    let database = db::Db::connect_with(&settings.database_url, keys, settings.durability)
        .await
        .unwrap_or_else(|e| fail(&format!("database: {e}")));
    database
        .migrate()
        .await
        .unwrap_or_else(|e| fail(&format!("migrations: {e}")));
    let messages = db::outbox::pending(&database, limit)
        .await
        .unwrap_or_else(|e| fail(&e.to_string()));
    for m in messages {
        if !peek
            && !db::outbox::mark_sent(&database, &m.id, "gateway", server::state::now_ms())
                .await
                .unwrap_or_else(|e| fail(&e.to_string()))
        {
            // Another reader took it meanwhile: it is theirs to deliver.
            continue;
        }
        println!(
            "{}",
            serde_json::json!({
                "id": m.id,
                "channel": m.channel.code(),
                "purpose": m.purpose,
                "to": m.recipient,
                "body": m.body,
                "created_at": m.created_at,
            })
        );
    }
}
