// V4L2 capture: memory-mapped streaming when the driver offers it, read() otherwise. libv4l2
// converts to planar YUV 4:2:0, whose first plane is the grey picture; cameras that already send
// GREY or YUYV are taken as they are.
#include "scanner/v4l2_frame_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <sys/mman.h>
#include <sys/select.h>

namespace kiosk {

struct V4l2FrameSource::Device {
  std::string path;
  int fd = -1;
  Settings settings;
  v4l2_pix_format format{};
  bool streaming = false;
  struct Buffer {
    void* start = MAP_FAILED;
    std::size_t length = 0;
  };
  std::vector<Buffer> buffers;
  std::vector<unsigned char> readBuffer;  // read() I/O

  ~Device() {
    if (fd < 0) return;
    if (streaming) {
      v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      v4l2_ioctl(fd, VIDIOC_STREAMOFF, &type);
    }
    for (const auto& b : buffers)
      if (b.start != MAP_FAILED) v4l2_munmap(b.start, b.length);
    v4l2_close(fd);
  }
};

namespace {

int xioctl(int fd, unsigned long request, void* arg) {
  int r = 0;
  do r = v4l2_ioctl(fd, request, arg);
  while (r == -1 && errno == EINTR);
  return r;
}

tl::unexpected<Error> cameraError(const std::string& device, const std::string& what) {
  return badInput("camera", device + ": " + what);
}

std::string errnoText() { return std::strerror(errno); }

// The grey plane of one frame in the negotiated format.
GrayImage toGray(const v4l2_pix_format& f, const unsigned char* data, std::size_t size) {
  GrayImage image;
  image.width = static_cast<int>(f.width);
  image.height = static_cast<int>(f.height);
  image.pixels.assign(static_cast<std::size_t>(f.width) * f.height, 0);
  const std::size_t stride =
      f.bytesperline != 0 ? f.bytesperline : f.width * (f.pixelformat == V4L2_PIX_FMT_YUYV ? 2 : 1);
  for (std::size_t y = 0; y < f.height; ++y) {
    const std::size_t rowStart = y * stride;
    for (std::size_t x = 0; x < f.width; ++x) {
      std::size_t at = rowStart + x;
      if (f.pixelformat == V4L2_PIX_FMT_YUYV) at = rowStart + 2 * x;
      if (f.pixelformat == V4L2_PIX_FMT_RGB24) at = rowStart + 3 * x;
      if (at >= size) return image;  // a short frame: the rest stays black
      unsigned char grey = data[at];
      if (f.pixelformat == V4L2_PIX_FMT_RGB24 && at + 2 < size)
        grey = static_cast<unsigned char>((306 * data[at] + 601 * data[at + 1] + 117 * data[at + 2] + 512) >> 10);
      image.pixels[y * f.width + x] = grey;
    }
  }
  return image;
}

Result<void> negotiate(V4l2FrameSource::Device& d) {
  for (const std::uint32_t pixelformat :
       {V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_YUV420, V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_RGB24}) {
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<std::uint32_t>(d.settings.width);
    fmt.fmt.pix.height = static_cast<std::uint32_t>(d.settings.height);
    fmt.fmt.pix.pixelformat = pixelformat;
    fmt.fmt.pix.field = V4L2_FIELD_ANY;
    if (xioctl(d.fd, VIDIOC_S_FMT, &fmt) == 0 && fmt.fmt.pix.pixelformat == pixelformat && fmt.fmt.pix.width > 0 &&
        fmt.fmt.pix.height > 0) {
      d.format = fmt.fmt.pix;
      return {};
    }
  }
  return cameraError(d.path, "accepts none of the grey, YUV or RGB formats");
}

Result<void> startStreaming(V4l2FrameSource::Device& d) {
  v4l2_requestbuffers request{};
  request.count = 4;
  request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  request.memory = V4L2_MEMORY_MMAP;
  if (xioctl(d.fd, VIDIOC_REQBUFS, &request) == -1 || request.count < 2)
    return cameraError(d.path, "offers no memory-mapped buffers (" + errnoText() + ")");
  for (std::uint32_t i = 0; i < request.count; ++i) {
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    buf.index = i;
    if (xioctl(d.fd, VIDIOC_QUERYBUF, &buf) == -1)
      return cameraError(d.path, "buffer query failed (" + errnoText() + ")");
    V4l2FrameSource::Device::Buffer mapped;
    mapped.length = buf.length;
    mapped.start = v4l2_mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, d.fd, buf.m.offset);
    if (mapped.start == MAP_FAILED) return cameraError(d.path, "cannot map a frame buffer (" + errnoText() + ")");
    d.buffers.push_back(mapped);
    if (xioctl(d.fd, VIDIOC_QBUF, &buf) == -1)
      return cameraError(d.path, "cannot queue a buffer (" + errnoText() + ")");
  }
  v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(d.fd, VIDIOC_STREAMON, &type) == -1)
    return cameraError(d.path, "will not start streaming (" + errnoText() + ")");
  d.streaming = true;
  return {};
}

// Waits for the device to have a frame; false on timeout or error.
bool waitReadable(int fd, int timeoutMs) {
  fd_set fds;
  FD_ZERO(&fds);
  FD_SET(fd, &fds);
  timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
  int r = 0;
  do r = select(fd + 1, &fds, nullptr, nullptr, &tv);
  while (r == -1 && errno == EINTR);
  return r > 0;
}

}  // namespace

Result<std::unique_ptr<V4l2FrameSource>> V4l2FrameSource::open(const std::filesystem::path& device,
                                                               const Settings& settings) {
  auto d = std::make_unique<Device>();
  d->path = device.string();
  d->settings = settings;
  d->fd = v4l2_open(d->path.c_str(), O_RDWR | O_NONBLOCK);
  if (d->fd < 0) return cameraError(d->path, "cannot open (" + errnoText() + ")");
  v4l2_capability cap{};
  if (xioctl(d->fd, VIDIOC_QUERYCAP, &cap) == -1) return cameraError(d->path, "not a video device");
  const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
  if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0) return cameraError(d->path, "not a video capture device");
  if (auto ok = negotiate(*d); !ok) return tl::unexpected(ok.error());
  if ((caps & V4L2_CAP_STREAMING) != 0) {
    if (auto ok = startStreaming(*d); !ok) return tl::unexpected(ok.error());
  } else if ((caps & V4L2_CAP_READWRITE) != 0) {
    d->readBuffer.resize(
        std::max<std::size_t>(d->format.sizeimage, static_cast<std::size_t>(d->format.width) * d->format.height * 3));
  } else {
    return cameraError(d->path, "supports neither streaming nor read() capture");
  }
  return std::unique_ptr<V4l2FrameSource>(new V4l2FrameSource(std::move(d)));
}

V4l2FrameSource::V4l2FrameSource(std::unique_ptr<Device> device) : m_device(std::move(device)) {}

V4l2FrameSource::~V4l2FrameSource() = default;

Result<GrayImage> V4l2FrameSource::nextFrame() {
  Device& d = *m_device;
  if (!waitReadable(d.fd, d.settings.timeoutMs))
    return storageError(d.path + ": no frame within " + std::to_string(d.settings.timeoutMs) + " ms");
  if (!d.streaming) {
    const auto n = v4l2_read(d.fd, d.readBuffer.data(), d.readBuffer.size());
    if (n <= 0) return storageError(d.path + ": reading a frame failed (" + errnoText() + ")");
    return toGray(d.format, d.readBuffer.data(), static_cast<std::size_t>(n));
  }
  v4l2_buffer buf{};
  buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buf.memory = V4L2_MEMORY_MMAP;
  if (xioctl(d.fd, VIDIOC_DQBUF, &buf) == -1)
    return storageError(d.path + ": taking a frame failed (" + errnoText() + ")");
  const auto& mapped = d.buffers.at(buf.index);
  GrayImage image = toGray(d.format, static_cast<const unsigned char*>(mapped.start),
                           std::min<std::size_t>(buf.bytesused, mapped.length));
  if (xioctl(d.fd, VIDIOC_QBUF, &buf) == -1)
    return storageError(d.path + ": giving a buffer back failed (" + errnoText() + ")");
  return image;
}

std::string V4l2FrameSource::describe() const {
  const Device& d = *m_device;
  return "camera " + d.path + " (" + std::to_string(d.format.width) + "x" + std::to_string(d.format.height) + ")";
}

}  // namespace kiosk
