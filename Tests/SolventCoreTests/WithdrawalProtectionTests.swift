import Testing
@testable import SolventCore
import SolventTestSupport

private let btc = TestMarkets.btc
private let one = TestMarkets.one
private let hour: Timestamp = 60 * 60 * 1_000
private let ops = OperatorAction(operatorName: "alice@ops", reason: "the user asked for it", reference: "TCK-9")

private func withdrawal(_ account: AccountId, to address: String = "bcrt1qbooked", asset: AssetId = btc) -> Command {
    .requestChainWithdrawal(WithdrawalRequest(account: account, asset: asset, amount: one, fee: 0, address: address,
                                              requiresApproval: false))
}

private func booked(_ address: String = "bcrt1qbooked", asset: AssetId = btc, name: String = "cold") -> WithdrawalAddress {
    WithdrawalAddress(asset: asset, address: address, name: name)
}

@Suite("Custody: address book, allow-list-only, lock after a security change")
struct WithdrawalProtectionTests {
    @Test func anAllowListOnlyAccountWithdrawsOnlyToABookedAddressOnceItsDelayHasPassed() {
        var x = TestExchange<ScenarioBook>(accounts: 2, funding: 10 * one)
        x.run(.setAllowListOnly(1, true, ops))
        #expect(x.run(withdrawal(1)).rejections == [.addressNotAllowListed])
        #expect(RejectReason.addressNotAllowListed.code == -4035)
        // Filed by name, then used at once: still refused until the delay has passed.
        x.run(.addWithdrawalAddress(1, booked(), SecurityDelays(addressDelay: 24 * hour, withdrawalLock: 0)))
        #expect(x.run(withdrawal(1)).rejections == [.addressNotAllowListed])
        x.time += 24 * hour - 3
        #expect(x.run(withdrawal(1)).rejections == [.addressNotAllowListed], "one millisecond before the delay ends")
        #expect(x.run(withdrawal(1)).rejections.isEmpty)
        // Booked for BTC is not booked for another asset, nor another address.
        #expect(x.run(withdrawal(1, to: "bcrt1qother")).rejections == [.addressNotAllowListed])
        #expect(x.run(withdrawal(1, asset: TestMarkets.usdt)).rejections == [.addressNotAllowListed])
        // Another account is not under the allow-list; turned off, the account withdraws anywhere.
        #expect(x.run(withdrawal(2, to: "bcrt1qother")).rejections.isEmpty)
        x.run(.setAllowListOnly(1, false, ops))
        #expect(x.run(withdrawal(1, to: "bcrt1qother")).rejections.isEmpty)
    }

    @Test func aNewAddressLocksEveryWithdrawalOfTheAccountAndAReAddDoesNotRestartIt() {
        var x = TestExchange<ScenarioBook>(accounts: 2, funding: 10 * one)
        let added = x.run(.addWithdrawalAddress(1, booked(), SecurityDelays(addressDelay: 0, withdrawalLock: hour)))
        #expect(added.custodyEvents.map(\.kind) == [.withdrawalAddressAdded, .withdrawalsLocked])
        let until = x.time + hour
        #expect(added.custodyEvents.last?.amount == until)
        #expect(x.engine.withdrawalProtection(1).lockedUntil == until)
        #expect(x.run(withdrawal(1, to: "bcrt1qanywhere")).rejections == [.withdrawalsLocked])
        #expect(x.run(withdrawal(2)).rejections.isEmpty, "another account is not locked")
        // The same destination under another name is the same entry.
        #expect(x.run(.addWithdrawalAddress(1, booked(name: "again"), SecurityDelays(addressDelay: 0, withdrawalLock: 9 * hour)))
            .rejections == [.addressAlreadyBooked])
        #expect(x.engine.withdrawalProtection(1).lockedUntil == until)
        x.time = until - 1
        #expect(x.run(withdrawal(1)).rejections.isEmpty, "the lock ends at its time")
    }

    @Test func aNewKeyLocksWithdrawalsAndALaterShorterLockDoesNotShortenIt() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 10 * one)
        x.run(.securityChanged(1, lock: 24 * hour))
        x.run(.securityChanged(1, lock: hour))
        #expect(x.engine.withdrawalProtection(1).lockedUntil == x.time - 1 + 24 * hour)
        x.time += 23 * hour
        #expect(x.run(withdrawal(1)).rejections == [.withdrawalsLocked])
        x.time += hour
        #expect(x.run(withdrawal(1)).rejections.isEmpty)
        #expect(x.run(.securityChanged(1, lock: -1)).rejections == [.invalidAmount])
    }

    @Test func theCommandsRefuseUnknownAccountsAndBadInput() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 0)
        let delays = SecurityDelays(addressDelay: 0, withdrawalLock: 0)
        #expect(x.run(.securityChanged(9, lock: hour)).rejections == [.unknownAccount])
        #expect(x.run(.securityChanged(.feeAccount, lock: hour)).rejections == [.unknownAccount])
        #expect(x.run(.addWithdrawalAddress(9, booked(), delays)).rejections == [.unknownAccount])
        #expect(x.run(.setAllowListOnly(9, true, ops)).rejections == [.unknownAccount])
        #expect(x.run(.setAllowListOnly(1, true, OperatorAction(operatorName: "ops", reason: ""))).rejections
            == [.invalidOperatorAction])
        #expect(x.run(.addWithdrawalAddress(1, booked("has space"), delays)).rejections == [.invalidAddress])
        #expect(x.run(.addWithdrawalAddress(1, booked(name: ""), delays)).rejections == [.invalidAddressName])
        #expect(x.run(.addWithdrawalAddress(1, WithdrawalAddress(asset: btc, address: "r1", tag: "bad tag", name: "n"), delays))
            .rejections == [.invalidAddressTag])
        #expect(x.run(.addWithdrawalAddress(1, booked(asset: 99), delays)).rejections == [.unknownAsset])
        #expect(x.run(.addWithdrawalAddress(1, booked(), SecurityDelays(addressDelay: -1, withdrawalLock: 0))).rejections
            == [.invalidAmount])
        #expect(x.engine.withdrawalProtection(1) == WithdrawalProtection(), "nothing refused changed the account")
        for n in 0..<WithdrawalAddress.bookCapacity {
            #expect(x.run(.addWithdrawalAddress(1, booked("addr\(n)"), delays)).rejections.isEmpty)
        }
        #expect(x.run(.addWithdrawalAddress(1, booked("one-more"), delays)).rejections == [.addressBookFull])
    }

    @Test func protectionsSurviveASnapshot() throws {
        var x = TestExchange<ScenarioBook>(accounts: 2, funding: 10 * one)
        x.run(.addWithdrawalAddress(1, WithdrawalAddress(asset: btc, address: "r9", tag: "memo-1", name: "desk wallet"),
                                    SecurityDelays(addressDelay: 2 * hour, withdrawalLock: hour)))
        x.run(.setAllowListOnly(1, true, ops))
        x.run(.securityChanged(2, lock: 3 * hour))
        var restored = try Engine<ScenarioBook>(encodedState: x.engine.encodedState())
        #expect(restored.stateHash() == x.engine.stateHash())
        #expect(restored.withdrawalProtection(1) == x.engine.withdrawalProtection(1))
        #expect(restored.withdrawalProtection(1).addressBook.first?.address.name == "desk wallet")
        #expect(restored.apply(withdrawal(2), at: x.time + 1).rejections == [.withdrawalsLocked])
        #expect(restored.apply(withdrawal(1, to: "r9"), at: x.time + 2 * hour).rejections.isEmpty)
    }
}
