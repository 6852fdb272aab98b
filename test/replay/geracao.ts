/**
 * One folder of recorded histories per generation of the workflow code.
 * Recording (gravar.ts) writes the current generation only; the folders of
 * earlier ones stay, since they stand for processes started on that code and
 * still running. Start a new generation (a new name here) when a change
 * versioned with patched() lands.
 */
export const GERACAO_ATUAL = 'abertura-registrada';
