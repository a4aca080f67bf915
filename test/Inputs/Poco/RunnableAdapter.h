#pragma once
// Mock of Poco::RunnableAdapter: run() calls (object.*method)().
#include <Poco/Runnable.h>
namespace Poco {
template <class C> class RunnableAdapter : public Runnable {
public:
  typedef void (C::*Callback)();
  RunnableAdapter(C &object, Callback method) : _pObject(&object), _method(method) {}
  void run() override { (_pObject->*_method)(); }

private:
  C *_pObject;
  Callback _method;
};
} // namespace Poco
