/**
 * Which passwords a person may choose (ASVS 6.2.4 and 6.2.11): at least
 * SENHA_MINIMO characters, none of the well-known ones attackers try first, and
 * nothing taken from the account itself.
 *
 * The list is the `passwords-common` dictionary of @zxcvbn-ts/language-common
 * (about 49 thousand passwords most found in public breaches, ordered by
 * frequency; MIT, maintained with zxcvbn-ts). Few entries are 12 characters
 * long, so a password is also refused when it is one of them with letters
 * swapped for look-alikes (p@ssw0rd) or with digits and symbols around it
 * (dragon123456), when it repeats a handful of characters (aaaaaaaaaaaa), or
 * when it is a run of the keyboard, the alphabet or the digits (123456789012,
 * qwertyuiopas). Messages are in pt-BR, one per problem, for the `senha` field.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const SENHA_MINIMO = 12;
export const SENHA_MAXIMO = 200;

let comuns: Set<string> | null = null;
/** Built on first use: the API pays for the 49 thousand entries only when a password is set. */
const senhasComuns = (): Set<string> => (comuns ??= new Set(dictionary['passwords-common'].map((s) => s.toLowerCase())));

/** Lower case without diacritics, so that "Mária" and "maria" compare equal. */
const normalizar = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '2': 'z' };
const semLeet = (s: string) => s.replace(/[@483610!$572]/g, (c) => LEET[c]);
/** The letters between leading and trailing digits and symbols (dragon in "##dragon2024!"). */
const miolo = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** The unit a string repeats ("senha" in "senhasenhasenha"), or the string itself. */
const unidadeRepetida = (s: string) => /^(.+?)\1+$/su.exec(s)?.[1] ?? s;

const SEQUENCIAS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];
const emSequencia = (s: string) => s.length >= 4 && SEQUENCIAS.some((q) => q.includes(s) || [...q].reverse().join('').includes(s));

export interface ContextoSenha {
  email?: string | null;
  nome?: string | null;
}

/** Parts of the account's e-mail and name a password must not contain: the e-mail, its local part, and their words of 4 or more letters. */
function partesDaConta(c: ContextoSenha): string[] {
  const partes = new Set<string>();
  const email = c.email ? normalizar(c.email.trim()) : '';
  if (email) {
    partes.add(email);
    const local = email.split('@')[0];
    if (local.length >= 3) partes.add(local);
    for (const p of local.split(/[^\p{L}\p{N}]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)) if (p.length >= 4) partes.add(p);
  }
  return [...partes];
}

function partesDoNome(c: ContextoSenha): string[] {
  if (!c.nome) return [];
  const palavras = normalizar(c.nome).split(/[^\p{L}]+/u).filter(Boolean);
  const partes = new Set(palavras.filter((p) => p.length >= 4));
  // The whole name run together ("mariasilva"), when long enough not to turn up inside unrelated words.
  if (palavras.length > 1 && palavras.join('').length >= 8) partes.add(palavras.join(''));
  return [...partes];
}

/** Why this password cannot be used (pt-BR, for the `senha` field); empty when it can. */
export function problemasDaSenha(senha: string, contexto: ContextoSenha = {}): string[] {
  const problemas: string[] = [];
  if (senha.length < SENHA_MINIMO) problemas.push(`a senha deve ter ao menos ${SENHA_MINIMO} caracteres`);
  if (senha.length > SENHA_MAXIMO) problemas.push(`a senha deve ter no máximo ${SENHA_MAXIMO} caracteres`);
  if (problemas.length) return problemas;

  const n = normalizar(senha);
  const comuns = senhasComuns();
  const compacta = n.replace(/[\s\p{P}\p{S}]+/gu, '');
  if (comuns.has(n) || comuns.has(compacta)) {
    problemas.push('esta senha está entre as mais usadas e vazadas na internet; escolha outra (uma frase com palavras pouco óbvias é fácil de lembrar e difícil de adivinhar)');
  } else {
    const derivadas = [miolo(n), semLeet(n), miolo(semLeet(n)), semLeet(miolo(n)), unidadeRepetida(miolo(n))].filter((s) => s.length >= 3);
    if (derivadas.some((d) => comuns.has(d) || comuns.has(unidadeRepetida(d)))) {
      problemas.push('esta senha é uma das mais usadas com letras trocadas, repetida ou com números e símbolos acrescentados; escolha outra');
    }
  }
  if (new Set(n).size < 5) problemas.push('a senha repete poucos caracteres; use ao menos 5 caracteres diferentes');
  else if (emSequencia(compacta) || emSequencia(unidadeRepetida(compacta))) {
    problemas.push('a senha é uma sequência do teclado, do alfabeto ou de algarismos; escolha outra');
  }
  const semSeparadores = n.replace(/[^\p{L}\p{N}@.]+/gu, '');
  if (partesDaConta(contexto).some((p) => n.includes(p) || semSeparadores.includes(p))) {
    problemas.push('a senha não pode conter o seu e-mail nem partes dele');
  }
  const soLetras = n.replace(/[^\p{L}]+/gu, '');
  if (partesDoNome(contexto).some((p) => n.includes(p) || soLetras.includes(p))) {
    problemas.push('a senha não pode conter o seu nome');
  }
  return problemas;
}
