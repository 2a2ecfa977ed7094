// The last step of quick exit: leave for the neutral site with location.replace, so Back does
// not return. Inside a partner's widget the whole partner page must go, not just the frame:
// the frame asks the widget script on the partner page to do it, and if nobody does, tries to
// replace the top page itself, and at least replaces the frame.
import { leaveMessage } from '../common/embedMessages.js';
import { isFramed, partnerOriginSoon } from './partnerFrame.js';

/** How long the widget has to remove this frame before the frame leaves by itself. */
const widgetAnswerMs = 250;
/** Pressed the moment the frame opened: the list of partners may still be on its way. */
const configWaitMs = 300;

export function leavePage(url: string): void {
  if (!isFramed()) {
    location.replace(url);
    return;
  }
  void partnerOriginSoon(configWaitMs).then((partner) => {
    // Only to the partner that framed us; the widget checks in turn that the message is Baken's.
    if (partner) window.parent.postMessage(leaveMessage(url), partner);
    setTimeout(() => leaveTopOrFrame(url), partner ? widgetAnswerMs : 0);
  });
}

function leaveTopOrFrame(url: string): void {
  try {
    // Allowed across origins right after her click or key press (the browser's user activation).
    window.top!.location.replace(url);
  } catch {
    location.replace(url);
  }
}
