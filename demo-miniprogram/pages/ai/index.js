const { wxp } = require('miniprogram-errno')
const { familyPage } = require('../../utils/family-page')

Page(familyPage('ai', {
  async detectFace() {
    await wxp.initFaceDetect()
    await wxp.faceDetect({ frameBuffer: new ArrayBuffer(16), width: 2, height: 2 })
    await wxp.stopFaceDetect()
    return 'face detected'
  },
  async inference() {
    const session = wxp.createInferenceSession({ model: 'demo.onnx' })
    await session.run(undefined)
    return 'ran'
  },
}))
