/**
 * A subscription for useSyncExternalStore to a view's route in the address: the browser's own
 * event for it (hashchange, popstate) and the view's, which it fires itself after a
 * replaceState (that fires no event).
 */
export function routeSubscriber(browserEvent: 'hashchange' | 'popstate', ownEvent: string): (onChange: () => void) => () => void {
  return (onChange) => {
    window.addEventListener(browserEvent, onChange);
    window.addEventListener(ownEvent, onChange);
    return () => {
      window.removeEventListener(browserEvent, onChange);
      window.removeEventListener(ownEvent, onChange);
    };
  };
}
