import Dispatch
import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

@testable import PhoneyLambda

/// The hand-over of Runtime API answers from the event loop to the runtime's task.
@Suite struct RuntimeAPIResponseSlotTests {
    private func answer(_ text: String, status: HTTPResponseStatus = .ok) -> Result<RuntimeAPIResponse, any Error> {
        .success(RuntimeAPIResponse(status: status, headers: ["X-Answer": text], body: ByteBuffer(string: text)))
    }

    private func text(_ result: Result<RuntimeAPIResponse, any Error>?) -> String? {
        guard case .success(let response)? = result else { return nil }
        return String(buffer: response.body)
    }

    @Test func anAnswerThatCameFirstIsHandedOutAtOnce() async {
        let slot = RuntimeAPIResponseSlot()
        slot.deliver(answer("early"))
        #expect(text(await slot.next()) == "early")
    }

    @Test func aWaitingCallerGetsEachAnswerFromAnotherThreadInOrder() async {
        // Each round the caller may be waiting already or not yet: both orders happen over many rounds.
        let slot = RuntimeAPIResponseSlot()
        let queue = DispatchQueue(label: "event-loop-stand-in")
        for round in 0..<2_000 {
            queue.async { slot.deliver(answer("answer \(round)")) }
            #expect(text(await slot.next()) == "answer \(round)")
        }
    }

    @Test func closingHandsOutWhatIsThereThenNil() async {
        let slot = RuntimeAPIResponseSlot()
        slot.deliver(answer("last"))
        slot.close()
        #expect(text(await slot.next()) == "last")
        #expect(await slot.next() == nil)
        #expect(await slot.next() == nil)
    }

    @Test func closingWakesAWaitingCaller() async {
        let slot = RuntimeAPIResponseSlot()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(20)) { slot.close() }
        #expect(await slot.next() == nil)
    }

    @Test func aFailureReachesTheCallerButDoesNotReplaceAnAnswer() async {
        struct WriteFailed: Error {}
        let slot = RuntimeAPIResponseSlot()
        slot.fail(WriteFailed())
        guard case .failure(let error)? = await slot.next() else {
            Issue.record("expected the failure")
            return
        }
        #expect(error is WriteFailed)
        slot.deliver(answer("kept"))
        slot.fail(WriteFailed())
        #expect(text(await slot.next()) == "kept")
    }

    @Test func anAnswerNobodyAskedForIsAnErrorNotAMixUp() async {
        let slot = RuntimeAPIResponseSlot()
        slot.deliver(answer("first"))
        slot.deliver(answer("second"))
        guard case .failure(let error as RuntimeAPIError)? = await slot.next() else {
            Issue.record("expected a RuntimeAPIError")
            return
        }
        #expect(error.code == .malformedResponse)
        #expect(error.message.contains("nobody asked for"))
    }

    @Test func theCollectorJoinsBodyPartsIntoOneAnswer() async throws {
        let slot = RuntimeAPIResponseSlot()
        let channel = EmbeddedChannel(handler: RuntimeAPIResponseCollector(slot: slot))
        var head = HTTPResponseHead(version: .http1_1, status: .ok)
        head.headers.add(name: "Lambda-Runtime-Aws-Request-Id", value: "r-1")
        try channel.writeInbound(HTTPClientResponsePart.head(head))
        for part in [#"{"a":"#, "1", "}"] {
            try channel.writeInbound(HTTPClientResponsePart.body(ByteBuffer(string: part)))
        }
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        guard case .success(let response)? = await slot.next() else {
            Issue.record("expected a response")
            return
        }
        #expect(response.status == .ok)
        #expect(response.headers.first(name: "Lambda-Runtime-Aws-Request-Id") == "r-1")
        #expect(String(buffer: response.body) == #"{"a":1}"#)
        _ = try channel.finish()
        #expect(await slot.next() == nil)
    }

    @Test func theCollectorReportsAnEndWithoutAHead() async throws {
        let slot = RuntimeAPIResponseSlot()
        let channel = EmbeddedChannel(handler: RuntimeAPIResponseCollector(slot: slot))
        try channel.writeInbound(HTTPClientResponsePart.end(nil))
        guard case .failure(let error as RuntimeAPIError)? = await slot.next() else {
            Issue.record("expected a RuntimeAPIError")
            return
        }
        #expect(error.code == .malformedResponse)
        _ = try? channel.finish()
    }
}
