/**
 * InAppLink: a link to a place in the app (`#/customs/documents/12`) that opens it through the
 * caller's handler, so the app's own navigation runs, while it stays a real link for the browser
 * (its address can be copied or opened elsewhere). Other anchor attributes pass through.
 */
import type { AnchorHTMLAttributes, ReactNode } from 'react';

export interface InAppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> {
  readonly href: string;
  readonly onOpen: () => void;
  readonly children: ReactNode;
}

export function InAppLink({ href, onOpen, children, ...anchor }: InAppLinkProps) {
  return (
    <a
      href={href}
      {...anchor}
      onClick={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      {children}
    </a>
  );
}
