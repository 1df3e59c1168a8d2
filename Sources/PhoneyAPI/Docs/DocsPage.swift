/// The `/docs` page: one self-contained HTML document (no CDN, no external asset) that reads `/openapi.json`,
/// lists every operation with its parameters, body and responses, and can send requests from the browser.
enum DocsPage {
    /// Allows the page's own inline script and style and requests to this origin only.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
        + "img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Phoney API</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1f24;background:#f6f7f9}
        header{background:#20232a;color:#fff;padding:14px 24px}
        header h1{margin:0;font-size:20px}
        header p{margin:4px 0 0;color:#c9ccd3}
        main{max-width:1080px;margin:0 auto;padding:16px 24px}
        #auth{background:#fff;border:1px solid #dde;border-radius:6px;padding:10px 14px;margin-bottom:14px}
        #auth input{width:280px}
        h2{margin:22px 0 8px;font-size:17px;text-transform:capitalize}
        details{background:#fff;border:1px solid #dde;border-radius:6px;margin:6px 0}
        summary{cursor:pointer;padding:8px 12px;font-family:ui-monospace,monospace}
        .m{display:inline-block;width:58px;font-weight:700;border-radius:4px;text-align:center;color:#fff;margin-right:8px}
        .get{background:#2f7ed8}.post{background:#2a9d5c}
        .lock{color:#b26b00;margin-left:6px}
        .op{padding:4px 14px 12px}
        table{border-collapse:collapse;margin:6px 0}
        td,th{border:1px solid #e3e4e8;padding:3px 8px;text-align:left;vertical-align:top;font-size:13px}
        textarea{width:100%;min-height:110px;font:13px ui-monospace,monospace}
        input{font:13px ui-monospace,monospace;padding:2px 4px}
        pre{background:#20232a;color:#e6e6e6;padding:10px;border-radius:4px;overflow:auto;max-height:380px;font-size:12px}
        button{padding:4px 14px;cursor:pointer}
        .muted{color:#667}
        </style>
        </head>
        <body>
        <header><h1>Phoney API</h1><p id="subtitle">Realistic fake data from JSON templates</p></header>
        <main>
        <div id="auth">
        <b>Credentials</b> for the locked operations:
        bearer token <input id="token" placeholder="from POST /token">
        or X-API-Key <input id="apikey" placeholder="when API_KEY is set">
        </div>
        <div id="ops"><p class="muted">Loading /openapi.json…</p></div>
        </main>
        <script>
        "use strict";
        const examples = {
          "/template": {template: {name: "{{name}}", email: "{{email}}", age: "{{random_int:min=18,max=80}}"}, count: 3, seed: 42},
          "/api/v1/template/generate": {template: {id: "{{uuid4}}", name: "{{name}}", city: "{{city}}"}, count: 5, format: "json"},
          "/api/v1/template/validate": {template: {name: "{{name}}", mail: "{{emial}}"}},
          "/api/v1/generate": {provider: "person", generator: "first_name", count: 3, seed: 1},
          "/token": "username=api_user&password="
        };
        function el(tag, attrs, ...children) {
          const node = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
          for (const child of children) node.append(child);
          return node;
        }
        // Where the API is mounted: "" on a server, "/prod" behind an API Gateway stage; the page is at base + "/docs".
        const base = location.pathname.replace(/\/docs\/?$/, "");
        function resolve(spec, schema) {
          while (schema && schema.$ref) schema = schema.$ref.split("/").slice(1).reduce((o, k) => o[k], spec);
          return schema || {};
        }
        function schemaText(spec, schema) {
          schema = resolve(spec, schema);
          if (!schema.properties) return schema.type ? String(schema.type) : "any";
          const required = new Set(schema.required || []);
          return Object.entries(schema.properties).map(([k, v]) => {
            const s = resolve(spec, v);
            return k + (required.has(k) ? "*" : "") + ": " + (s.enum ? s.enum.join("|") : String(s.type || "any"));
          }).join("\n");
        }
        function operation(spec, path, method, op) {
          const secured = !!op.security;
          const box = el("div", {class: "op"});
          if (op.description) box.append(el("p", {}, op.description));
          const inputs = {};
          if (op.parameters) {
            const table = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "value"), el("th", {}, "about")));
            for (const p of op.parameters) {
              const input = el("input", {placeholder: p.required ? "required" : ""});
              inputs[p.name] = {input, where: p.in};
              table.append(el("tr", {}, el("td", {}, p.name), el("td", {}, p.in), el("td", {}, input), el("td", {}, p.description || "")));
            }
            box.append(table);
          }
          let body = null;
          if (op.requestBody) {
            const [type, media] = Object.entries(op.requestBody.content)[0];
            box.append(el("p", {class: "muted"}, "Body (" + type + "):"), el("pre", {}, schemaText(spec, media.schema)));
            const example = examples[path];
            body = el("textarea", {}, typeof example === "string" ? example : JSON.stringify(example || {}, null, 2));
            body.dataset.type = type;
            box.append(body);
          }
          const responses = el("table", {}, el("tr", {}, el("th", {}, "status"), el("th", {}, "meaning")));
          for (const [code, r] of Object.entries(op.responses)) responses.append(el("tr", {}, el("td", {}, code), el("td", {}, r.description)));
          box.append(responses);
          const output = el("pre", {hidden: ""});
          const send = el("button", {}, "Send");
          send.onclick = async () => {
            let url = base + path;
            const query = new URLSearchParams();
            for (const [name, {input, where}] of Object.entries(inputs)) {
              if (where === "path") url = url.replace("{" + name + "}", encodeURIComponent(input.value));
              else if (input.value !== "") query.set(name, input.value);
            }
            if ([...query].length) url += "?" + query;
            const headers = {};
            const token = document.getElementById("token").value.trim();
            const key = document.getElementById("apikey").value.trim();
            if (secured && token) headers["Authorization"] = "Bearer " + token;
            if (secured && key) headers["X-API-Key"] = key;
            const init = {method: method.toUpperCase(), headers};
            if (body) { headers["Content-Type"] = body.dataset.type; init.body = body.value; }
            output.hidden = false;
            output.textContent = "…";
            try {
              const response = await fetch(url, init);
              const text = await response.text();
              let shown = text;
              try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) {}
              if (path === "/token" && response.ok) document.getElementById("token").value = JSON.parse(text).access_token;
              const head = [...response.headers].map(([k, v]) => k + ": " + v).join("\n");
              output.textContent = response.status + " " + response.statusText + "\n" + head + "\n\n" + shown.slice(0, 200000);
            } catch (error) { output.textContent = String(error); }
          };
          box.append(send, output);
          const summary = el("summary", {}, el("span", {class: "m " + method}, method.toUpperCase()), path + "  ", el("span", {class: "muted"}, op.summary || ""));
          if (secured) summary.append(el("span", {class: "lock", title: "needs a bearer token or X-API-Key"}, "locked"));
          return el("details", {}, summary, box);
        }
        fetch(base + "/openapi.json").then(r => r.json()).then(spec => {
          document.getElementById("subtitle").textContent = spec.info.description + " (version " + spec.info.version + ")";
          const groups = {};
          for (const [path, item] of Object.entries(spec.paths))
            for (const [method, op] of Object.entries(item)) (groups[(op.tags || ["other"])[0]] ||= []).push([path, method, op]);
          const root = document.getElementById("ops");
          root.textContent = "";
          for (const [tag, ops] of Object.entries(groups)) {
            root.append(el("h2", {}, tag));
            for (const [path, method, op] of ops) root.append(operation(spec, path, method, op));
          }
        }).catch(error => { document.getElementById("ops").textContent = "Could not load /openapi.json: " + error; });
        </script>
        </body>
        </html>
        """#
}
