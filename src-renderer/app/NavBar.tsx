/**
 * NavBar: the left navigation with the eight features, in a fixed order. The current page
 * is marked with `aria-current="page"`.
 */
import { useTranslation } from 'react-i18next';
import { FEATURES } from '../state/routes.ts';
import { useAppStore } from '../state/store.ts';

export function NavBar() {
  const { t } = useTranslation();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {FEATURES.map((feature) => (
          <li key={feature}>
            <button
              type="button"
              className={feature === route ? 'nav-item nav-item-current' : 'nav-item'}
              data-testid={`nav-${feature}`}
              aria-current={feature === route ? 'page' : undefined}
              onClick={() => navigate(feature)}
            >
              <span className={`nav-icon nav-icon-${feature}`} aria-hidden="true" />
              {t(`nav.${feature}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
