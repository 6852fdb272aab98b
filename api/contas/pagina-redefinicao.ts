/**
 * The page the password e-mails link to: a bare form that sends the new password
 * to POST /v1/senhas/redefinicao/{token}. The token travels in the URL fragment,
 * which browsers never send to servers, so it does not reach access logs or
 * Referer headers.
 */
import { createHash } from 'node:crypto';

const script = `
const token = decodeURIComponent(location.hash.slice(1));
const form = document.querySelector('form');
const aviso = document.querySelector('#aviso');
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const senha = form.senha.value;
  if (senha !== form.confirmacao.value) { aviso.textContent = 'As senhas não conferem.'; return; }
  const r = await fetch('/v1/senhas/redefinicao/' + encodeURIComponent(token), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ senha }),
  });
  if (r.status === 204) { form.hidden = true; aviso.textContent = 'Senha definida. Você já pode entrar com a nova senha.'; return; }
  const corpo = await r.json().catch(() => null);
  aviso.textContent = corpo?.erro?.campos?.[0]?.mensagem ?? corpo?.erro?.mensagem ?? 'Não foi possível definir a senha.';
});`;

export const PAGINA_REDEFINICAO = `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>rito — definir senha</title></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 3rem auto; line-height: 1.5">
<h1>Definir senha</h1>
<form>
<p><label>Nova senha (ao menos 12 caracteres; não use senhas comuns, seu e-mail nem seu nome)<br><input name="senha" type="password" minlength="12" maxlength="200" required autocomplete="new-password"></label></p>
<p><label>Repita a nova senha<br><input name="confirmacao" type="password" minlength="12" maxlength="200" required autocomplete="new-password"></label></p>
<p><button type="submit">Definir senha</button></p>
</form>
<p id="aviso" role="status"></p>
<script>${script}</script>
</body></html>`;

export const CSP_REDEFINICAO = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`,
  "connect-src 'self'",
  "style-src 'unsafe-inline'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
