/**
 * PlannedFeaturePage: the page of a feature that is not built yet — its title, what it will
 * hold, and an honest empty state saying it is not available. Texts come translated.
 */
import { EmptyState } from './EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

export interface PlannedFeaturePageProps {
  readonly testId: string;
  readonly title: string;
  readonly description: string;
  readonly emptyTitle: string;
  readonly emptyBody: string;
  readonly badge: string;
}

export function PlannedFeaturePage({
  testId,
  title,
  description,
  emptyTitle,
  emptyBody,
  badge,
}: PlannedFeaturePageProps) {
  return (
    <div className="page" data-testid={testId}>
      <PageHeader title={title} description={description} />
      <EmptyState title={emptyTitle} body={emptyBody} badge={badge} />
    </div>
  );
}
