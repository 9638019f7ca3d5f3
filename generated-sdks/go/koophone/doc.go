// Pulumi provider for Huawei Cloud KooPhone cloud phones, with a local KooPhone emulator
package koophone
