"""The account, its transactions, the error log and CNAM lookups on the wire."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
import responses
from responses import matchers

import catapult

from ..support import BASE, ROOT


def test_the_account_balance_is_exact(mocked, client):
    mocked.add(responses.GET, f"{ROOT}/account",
               json={"balance": "538.37250", "accountType": "pre-pay"})
    account = client.Account.get()
    assert account.balance == decimal.Decimal("538.37250")
    assert account.account_type == "pre-pay"


def test_transactions_are_filtered_and_paged_as_the_api_names_them(mocked, client):
    query = {"fromDate": "2013-02-21T13:38:00Z", "toDate": "2013-02-21T13:40:00",
             "type": "charge", "maxItems": "5", "size": "1"}
    mocked.add(responses.GET, f"{ROOT}/account/transactions",
               json=[{"id": "t-1", "time": "2013-02-21T13:39:09.122Z", "amount": "0.00750",
                      "type": "charge", "units": "1", "productType": "sms-out",
                      "number": "+19195551212"}],
               headers={"Link": f'<{ROOT}/account/transactions?page=1&size=1>; rel="next"'},
               match=[matchers.query_param_matcher(query)])
    mocked.add(responses.GET, f"{ROOT}/account/transactions", json=[],
               match=[matchers.query_param_matcher({"page": "1", "size": "1"})])
    found = list(client.Account.get_transactions(
        from_date=dt.datetime(2013, 2, 21, 13, 38), to_date="2013-02-21T13:40:00",
        type="charge", max_items=5, size=1))
    [first] = found
    assert (first.amount, first.units, first.product_type) == (decimal.Decimal("0.00750"), 1,
                                                               "sms-out")


@pytest.mark.parametrize("query, needle", [
    ({"type": "refund"}, "one of 'charge', 'payment', 'credit', 'auto-recharge'"),
    ({"from_date": "2013-02-21"}, "yyyy-MM-ddTHH:mm:ss"),
    ({"number": "919"}, "E.164"),
])
def test_a_bad_transaction_query_sends_nothing(mocked, client, query, needle):
    with pytest.raises(catapult.InvalidOptionError, match=needle):
        next(client.Account.get_transactions(**query))


def test_the_error_log_is_listed_and_read(mocked, client):
    entry = {"id": "ue-1", "time": "2012-11-15T01:29:24.512Z", "category": "unavailable",
             "code": "no-application-for-number",
             "message": "No application is configured for number +19195556666",
             "details": [{"id": "ued-1", "name": "number", "value": "+19195556666"}]}
    mocked.add(responses.GET, f"{ROOT}/errors", json=[entry])
    mocked.add(responses.GET, f"{ROOT}/errors/ue-1", json=entry)
    [listed] = client.Error.list(size=10)
    assert mocked.calls[0].request.url == f"{ROOT}/errors?size=10"
    got = client.Error.get("ue-1")
    assert listed == got
    assert (got.code, got.details) == ("no-application-for-number", {"number": "+19195556666"})


def test_number_info_is_under_v1_alone_with_the_number_encoded(mocked, client):
    mocked.add(responses.GET, f"{BASE}/v1/phoneNumbers/numberInfo/%2B19195551212",
               json={"created": "2013-09-23T16:31:15Z", "name": "Name",
                     "number": "+19195551212", "updated": "2013-09-23T16:42:18Z"})
    info = client.NumberInfo.get("+19195551212")
    assert (info.name, info.number) == ("Name", "+19195551212")
    assert info.updated == dt.datetime(2013, 9, 23, 16, 42, 18, tzinfo=dt.timezone.utc)
    with pytest.raises(catapult.InvalidOptionError, match="E.164"):
        client.NumberInfo.get("../account")
