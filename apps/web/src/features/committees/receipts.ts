// A secret ballot's receipt is shown once after voting; the server never links it to the voter again. It is kept
// in this tab's sessionStorage (not localStorage: a shared computer should not keep it after the browser closes)
// so the member can find their ballot in the published tally later in the same session.

const prefix = 'civicdesk.receipt.';

export function rememberReceipt(pollId: string, receipt: string): void {
  try {
    sessionStorage.setItem(prefix + pollId, receipt);
  } catch {
    // storage disabled: the receipt was still shown once
  }
}

export function recalledReceipt(pollId: string): string | null {
  try {
    return sessionStorage.getItem(prefix + pollId);
  } catch {
    return null;
  }
}
