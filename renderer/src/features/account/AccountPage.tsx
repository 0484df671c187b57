import { useEffect } from 'react'
import type { AccountBalance } from '@shared/api/types/views'
import { Breadcrumbs } from '../../components/Breadcrumbs'
import { Button } from '../../components/Button'
import { FactList, type Fact } from '../../components/FactList'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { formatAmount } from '../../lib/format'
import { routeHref } from '../../lib/use-hash-route'
import { useLedgerStore } from '../../stores/ledger-store'
import { useSettingsStore } from '../../stores/settings-store'
import { AccountLots } from './AccountLots'
import { AccountRulesForm } from './AccountRulesForm'

const ACCOUNTS_CRUMB = [{ label: 'Accounts', href: routeHref({ view: 'accounts' }) }]

const balanceFacts = (balance: AccountBalance): Fact[] => {
  const facts: Fact[] = [{ label: 'Balance', value: formatAmount(balance.balance), emphasis: true }]
  if (balance.debt.minor !== '0') facts.push({ label: 'Debt', value: formatAmount(balance.debt) })
  if (balance.projected.minor !== '0')
    facts.push({ label: 'Awaiting a receipt', value: formatAmount(balance.projected) })
  const worth = balance.value.value.map(formatAmount).join(' + ')
  if (balance.value.basis === 'cost' && worth !== '') facts.push({ label: 'Worth at cost', value: worth })
  facts.push({ label: 'Vendor', value: balance.account.vendorName })
  facts.push({ label: 'Billed in', value: balance.account.currency })
  return facts
}

/** One account: its balance, its lots (each opens its page) and its reminder rules. */
export function AccountPage({ accountId }: { readonly accountId: number }) {
  const loaded = useLedgerStore((state) => state.accounts[accountId])
  const loadAccount = useLedgerStore((state) => state.loadAccount)
  const settings = useSettingsStore((state) => state.settings)
  const loadSettings = useSettingsStore((state) => state.load)

  useEffect(() => {
    void loadAccount(accountId)
    void loadSettings()
  }, [accountId, loadAccount, loadSettings])

  if (loaded === undefined || loaded.status === 'loading')
    return (
      <section className="screen" aria-label="Account">
        <Breadcrumbs trail={ACCOUNTS_CRUMB} />
        <LoadingState label="Loading the account…" />
      </section>
    )
  if (loaded.status === 'failed')
    return (
      <section className="screen" aria-labelledby="account-title">
        <Breadcrumbs trail={ACCOUNTS_CRUMB} />
        <ScreenHeader
          title={loaded.notFound ? 'Account not found' : 'The account could not be loaded'}
          id="account-title"
        >
          {loaded.notFound ? 'It may have been deleted.' : loaded.error}
        </ScreenHeader>
        {!loaded.notFound && <Button onClick={() => void loadAccount(accountId)}>Try again</Button>}
      </section>
    )

  const { balance, rules } = loaded.value
  const { account } = balance
  return (
    <section className="screen" aria-labelledby="account-title">
      <Breadcrumbs trail={ACCOUNTS_CRUMB} />
      <ScreenHeader title={account.name} id="account-title">
        {account.vendorName} · counted in {account.unitId}
      </ScreenHeader>
      <FactList label={`Balance of ${account.name}`} facts={balanceFacts(balance)} />
      <section className="group" aria-labelledby="account-lots-title">
        <h2 className="section-title" id="account-lots-title">
          Lots
        </h2>
        <AccountLots accountId={account.id} name={account.name} lots={balance.lots} />
      </section>
      {settings === null ? (
        <LoadingState label="Loading reminder rules…" />
      ) : (
        <AccountRulesForm accountId={account.id} unit={account.unitId} rules={rules} global={settings.reminderRules} />
      )}
    </section>
  )
}
