/**
 * Participant rows the network overview draws per currency until the operator asks for all: a
 * thousand table rows take the browser seconds to lay out (and again on every refresh), while
 * the ones an operator watches are those nearest their caps, which come first. Plain TypeScript,
 * so that the hub's benchmark can read it without the page.
 */
export const overviewRowsShownMax = 100;
