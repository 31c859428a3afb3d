vcl 4.1;
# Stellwerk's caching proxy: Varnish between the TLS terminator (deploy/nginx.conf,
# its upstream pointed at Varnish) and the gunicorn instances (deploy/gunicorn.conf.py).
#
#     varnishd -a 127.0.0.1:6081 -f /srv/stellwerk/deploy/varnish/stellwerk.vcl -s malloc,1g
#
# and PROXY_PURGE_URLS=http://127.0.0.1:6081 for the app (README, "Der Cache-Proxy").
# What it keeps is what the app says may be kept (Cache-Control with s-maxage from
# campaign/sites/page_cache/), static files and public media; the app bans a host's
# objects whenever its own page cache purges that host.
#
# Adjust: the backends (one per gunicorn, both lists below), the ACLs.

import directors;
import std;

# The app's liveness URL (campaign/sites/health.py): the process answers and
# reaches its database. The Host must be in ALLOWED_HOSTS (add localhost, or
# write one of the employers' names here); the forwarded scheme spares the
# probe production's redirect to HTTPS.
probe healthz {
    .request =
        "GET /healthz HTTP/1.1"
        "Host: localhost"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

# One backend per gunicorn instance, with the probe. gunicorn restarts a worker
# after 30 s (its timeout), so a slower first byte is a fault.
backend app_1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

backend app_2 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

# The same instances without the probe, asked only when every probe fails: while
# the database is away every /healthz fails, and visitors should then get the
# app's own 503 with the employer's branding (or a page it still has), not ours.
backend app_1_unprobed {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

backend app_2_unprobed {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app_1);
    app.add_backend(app_2);
    new app_unprobed = directors.round_robin();
    app_unprobed.add_backend(app_1_unprobed);
    app_unprobed.add_backend(app_2_unprobed);
}

# Who may ban (the app servers, PROXY_PURGE_URLS): loopback and the app machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Who may say which scheme and address the visitor used (X-Forwarded-Proto,
# X-Real-IP): the TLS terminator in front. Everyone else gets them set here.
acl tls_terminators {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        call stellwerk_ban;
    }
    if (req.method !~ "^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$") {
        return (synth(405));
    }

    if (client.ip ~ tls_terminators) {
        if (!req.http.X-Real-IP) {
            set req.http.X-Real-IP = client.ip;
        }
    } else {
        set req.http.X-Forwarded-Proto = "http";
        set req.http.X-Forwarded-For = client.ip;
        set req.http.X-Real-IP = client.ip;
    }
    if (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }

    set req.backend_hint = app.backend();
    if (std.healthy(req.backend_hint)) {
        # No stale page while the app answers: a page leaves its lists at midnight.
        set req.grace = 0s;
    } else {
        # Every probe fails: pages kept up to a day old (beresp.grace), else the app's own answer.
        set req.backend_hint = app_unprobed.backend();
    }

    # Bodies: no larger than the app takes (an application with three PDFs of
    # 10 MB, documents 20 MB, images 15 MB; the same 32 MB as deploy/nginx.conf),
    # read whole before gunicorn's sync worker sees them. Films in the admin up to 1 GB.
    if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH") {
        if (req.url ~ "^/admin/media/") {
            if (std.integer(req.http.Content-Length, 0) > 1073741824) {
                return (synth(413));
            }
        } else if (std.integer(req.http.Content-Length, 0) > 33554432
                || !std.cache_req_body(32MB)) {
            return (synth(413));
        }
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Static files (WhiteNoise: hashed names cached a year) and public media:
    # the same for everyone.
    if (req.url ~ "^/static/" || req.url ~ "^/media/(original_images|images|films|subtitles)/") {
        unset req.http.Cookie;
        return (hash);
    }

    # Staff and members: never from the cache.
    if (req.http.Authorization || req.url ~ "^/(admin|django-admin|konto|en/konto)(/|$)") {
        return (pass);
    }
    # A session, a CSRF token or a message waiting (production's __Host- names
    # and Django's defaults): the visitor sees a page of their own.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Other cookies change no page (the app keys its pages without them, the
    # language is in the path), so they neither pass nor multiply entries.
    unset req.http.Cookie;
    return (hash);
}

# BAN with X-Ban-Host: a host name, or "*" for every host. Bans the host's
# pages and media and every page that lists every site (the directory), never
# the static files, which change only with a release and then by name.
sub stellwerk_ban {
    if (client.ip !~ purgers) {
        return (synth(403));
    }
    if (req.http.X-Ban-Host == "*") {
        ban("obj.http.X-Stellwerk-Url !~ ^/static/");
    } else if (req.http.X-Ban-Host ~ "^[a-z0-9][a-z0-9.-]*$") {
        ban("obj.http.X-Stellwerk-Host == " + req.http.X-Ban-Host
            + " && obj.http.X-Stellwerk-Url !~ ^/static/");
        ban("obj.http.X-Page-Cache-Every-Site == 1");
    } else {
        return (synth(400));
    }
    return (synth(200, "Banned"));
}

sub vcl_hash {
    # A page for https is not the redirect plain http gets.
    hash_data(req.http.X-Forwarded-Proto);
    # The rest as built in: URL and Host.
}

sub vcl_backend_response {
    # Kept on the object for bans (the ban lurker tests objects, not requests).
    set beresp.http.X-Stellwerk-Host = std.tolower(regsub(bereq.http.Host, ":[0-9]+$", ""));
    set beresp.http.X-Stellwerk-Url = bereq.url;
    # A day of pages for the time every app server is down, never served while one answers.
    set beresp.grace = 1d;

    # Public media: the app serves them (SERVE_IMAGES) without a shared-cache
    # header, since its page cache keeps no files; they are public and their
    # names change with their content. Banned with their host like its pages.
    if (bereq.url ~ "^/media/(original_images|images|films|subtitles)/"
            && beresp.status == 200 && !beresp.http.Set-Cookie) {
        set beresp.http.Cache-Control = "public, max-age=2592000";
        set beresp.ttl = 1d;
        return (deliver);
    }
    # Kept only when the app says so; Varnish's own rules follow (never with
    # Set-Cookie, private, no-cache or no-store).
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
}

sub vcl_backend_error {
    # A killed or unreachable instance: GET and HEAD once more on the next one.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "10";
    synthetic({"<!DOCTYPE html><html lang="de"><meta charset="utf-8"><title>Vorübergehend nicht erreichbar</title><h1>Die Seite ist vorübergehend nicht erreichbar</h1><p>Bitte versuchen Sie es in einigen Minuten noch einmal.</p></html>"});
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Stellwerk-Host;
    unset resp.http.X-Stellwerk-Url;
    unset resp.http.X-Page-Cache-Every-Site;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

sub vcl_synth {
    if (resp.status == 413) {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Connection = "close";
        synthetic({"<!DOCTYPE html><html lang="de"><meta charset="utf-8"><title>Datei zu groß</title><h1>Die Datei ist zu groß</h1><p>Hochgeladene Dateien dürfen zusammen höchstens 32 MB groß sein. Bitte gehen Sie zurück und wählen Sie eine kleinere Datei.</p></html>"});
        return (deliver);
    }
}
